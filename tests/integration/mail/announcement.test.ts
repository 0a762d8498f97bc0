import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { startSmtp, type TestSmtp } from '../../helpers/smtp.ts';
import { account } from '../cohorts/fixture.ts';
import { importCourse } from '../../../src/lib/server/courses/import/import-courses.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { addMember } from '../../../src/lib/server/cohorts/members.ts';
import { notifyAnnouncement } from '../../../src/lib/server/cohorts/announcement-mail.ts';
import { cohortAnnouncement, course, user } from '../../../src/lib/server/db/schema/index.ts';

const origin = new URL('https://tamkeen.example.tn');
let t: TestDb;
let smtp: TestSmtp;
let announcementId: number;

beforeAll(async () => {
	smtp = await startSmtp();
	t = createTestDb();
	importCourse(t.db, { dir: 'courses/participatory-governance' });
	const courseId = t.db.select().from(course).get()!.id;
	const admin = await account(t.db, 'admin@example.tn', 'admin');
	const c = createCohort(t.db, { actor: admin, courseId, input: { name: 'Jendouba' } });
	for (const [email, locale] of [
		['hela@example.tn', 'ar'],
		['remi@example.tn', 'fr'],
		['gone@example.tn', 'fr']
	] as const) {
		const u = await account(t.db, email);
		t.db.update(user).set({ locale }).where(eq(user.id, u.id)).run();
		addMember(t.db, { cohortId: c.id, userId: u.id, method: 'roster', actorId: admin.id });
	}
	t.db.update(user).set({ erasedAt: new Date() }).where(eq(user.email, 'gone@example.tn')).run();
	announcementId = t.db
		.insert(cohortAnnouncement)
		.values({
			cohortId: c.id,
			authorId: admin.id,
			body: 'La séance du jeudi <b>commence</b> à 9 h.',
			createdAt: new Date()
		})
		.returning()
		.get().id;
});
afterAll(async () => {
	t.close();
	await smtp.close();
});

describe('notifyAnnouncement', () => {
	it('mails each member in their language, and nobody whose account was erased', async () => {
		const result = await notifyAnnouncement(t.db, {
			announcementId,
			origin,
			mail: { smtpUrl: smtp.url, mailFrom: 'Tamkeen <no-reply@tamkeen.example.tn>' }
		});
		expect(result).toEqual({ sent: 2, failed: 0 });
		const ar = await smtp.waitFor('hela@example.tn');
		expect(ar.subject).toBe('إعلان للفوج Jendouba');
		expect(ar.html).toContain('dir="rtl"');
		expect(ar.text).toContain('La séance du jeudi <b>commence</b> à 9 h.');
		expect(ar.html).not.toContain('<b>commence</b>');
		expect(ar.text).toContain('https://tamkeen.example.tn/ar/learn');
		const fr = await smtp.waitFor('remi@example.tn');
		expect(fr.subject).toBe('Message pour la cohorte Jendouba');
		expect(fr.text).toContain('https://tamkeen.example.tn/fr/learn');
		expect(smtp.messages.some((m) => m.to.includes('gone@example.tn'))).toBe(false);
	});

	it('sends nothing when no SMTP server is configured', async () => {
		const before = smtp.messages.length;
		const result = await notifyAnnouncement(t.db, {
			announcementId,
			origin,
			mail: { smtpUrl: null, mailFrom: 'x@t.tn' }
		});
		expect(result).toEqual({ sent: 0, failed: 0 });
		expect(smtp.messages.length).toBe(before);
	});
});
