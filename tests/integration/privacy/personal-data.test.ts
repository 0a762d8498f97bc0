// The export holds every table with a user column, and erasure leaves no personal data in any
// table: the list of user columns is read from the migrated database itself, so a table added
// later (with a foreign key to user) fails here until privacy/tables.ts has a handler for it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';
import { createUser, setRole } from '../../../src/lib/server/accounts/users.ts';
import { signIn } from '../../../src/lib/server/accounts/sign-in.ts';
import { createSession } from '../../../src/lib/server/auth/session.ts';
import { createAccessToken } from '../../../src/lib/server/auth/access-token.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { assignCourseTrainer } from '../../../src/lib/server/courses/trainers.ts';
import { saveDraftFile } from '../../../src/lib/server/studio/draft-files.ts';
import {
	cohortAnnouncement,
	course,
	importConflict
} from '../../../src/lib/server/db/schema/index.ts';
import { addComment, setCommentResolved } from '../../../src/lib/server/studio/review/comments.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';
import { verifyCertificateCode } from '../../../src/lib/server/certificates/registry.ts';
import { recordWrongPassword } from '../../../src/lib/server/auth/throttle.ts';
import { eraseAccount } from '../../../src/lib/server/privacy/erase.ts';
import { exportPersonalData } from '../../../src/lib/server/privacy/export.ts';
import { TABLE_HANDLERS } from '../../../src/lib/server/privacy/tables.ts';
import { saveMunicipalities } from '../../../src/lib/server/accounts/municipalities.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { createInvite } from '../../../src/lib/server/cohorts/invites.ts';
import { addMember } from '../../../src/lib/server/cohorts/members.ts';
import { issuePasswordLink } from '../../../src/lib/server/accounts/password-links.ts';

let t: TestDb;
let courseIds: number[];
beforeEach(() => {
	t = createTestDb();
});
afterEach(() => {
	t.close();
});

function importAll() {
	importCourses(t.db, { dir: 'courses' });
	courseIds = t.db
		.select({ id: course.id })
		.from(course)
		.all()
		.map((c) => c.id);
}

/** Every `table.column` that is a foreign key to user, from the real migrated schema. */
function userColumns(): string[] {
	const tables = t.db.$client
		.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
		.all() as { name: string }[];
	const out = ['user.id'];
	for (const { name } of tables) {
		const fks = t.db.$client.prepare('select * from pragma_foreign_key_list(?)').all(name) as {
			table: string;
			from: string;
		}[];
		for (const fk of fks) if (fk.table === 'user') out.push(`${name}.${fk.from}`);
	}
	return out.sort();
}

const covered = () => TABLE_HANDLERS.flatMap((h) => h.userColumns.map((c) => `${h.table}.${c}`));

const NAME = 'Zaynab Qlibiyya';
const EMAIL = 'zaynab.qlibiyya@example.tn';
const IP = '203.0.113.77';

/** A learner with rows in every table that can hold a person: learning, certificates, roles, audit. */
async function busyLearner() {
	importAll();
	const admin = await createUser(t.db, {
		email: `admin-${Math.random()}@example.tn`,
		name: 'Amal Admin',
		password: 'correct horse battery',
		locale: 'fr',
		position: null,
		governorateId: null,
		municipalityId: null,
		gender: null,
		role: 'admin',
		actorId: null
	});
	const me = await createUser(t.db, {
		email: EMAIL,
		name: NAME,
		password: 'correct horse battery',
		locale: 'ar',
		position: 'municipal-staff',
		governorateId: 'TN-31',
		municipalityId: null,
		gender: 'woman',
		ip: IP
	});
	for (const courseId of courseIds) {
		enrol(t.db, { userId: me.id, courseId });
		finishLessons(t.db, { userId: me.id, courseId });
		passAllQuizzes(t.db, { userId: me.id, courseId, locale: 'ar' });
	}
	createSession(t.db, { userId: me.id });
	await signIn(t.db, { email: EMAIL, password: 'correct horse battery', ip: IP });
	recordWrongPassword(t.db, { account: EMAIL, ip: IP });
	setRole(t.db, { actorId: admin.id, userId: me.id, role: 'trainer' });
	assignCourseTrainer(t.db, {
		actorId: admin.id,
		courseId: courseIds[0]!,
		userId: me.id,
		ip: null
	});
	// As a trainer, saves a file of a course's draft in the studio.
	saveDraftFile(t.db, {
		courseId: courseIds[0]!,
		path: 'notes.fr.md',
		text: 'Brouillon',
		actorId: me.id,
		now: new Date()
	});
	// As a reviewer: comments on a lesson (signing with their name) and resolves the thread; as if
	// an admin, chose to keep the studio's version of a course whose files changed.
	const lessonRef = { courseId: courseIds[0]!, moduleSlug: 'basics', lessonSlug: 'reading' };
	const commentId = addComment(t.db, {
		actorId: me.id,
		lesson: lessonRef,
		locale: 'ar',
		body: `ملاحظة من ${NAME}`,
		quote: NAME
	});
	setCommentResolved(t.db, { actorId: me.id, lesson: lessonRef, commentId, resolved: true });
	t.db
		.insert(importConflict)
		.values({
			courseId: courseIds[0]!,
			filesHash: 'f'.repeat(64),
			status: 'kept',
			detectedAt: new Date(),
			decidedBy: me.id,
			decidedAt: new Date()
		})
		.run();
	// As a course trainer now: opens a cohort (and so runs it), makes a join code, joins it too,
	// and gets a set-password link.
	const group = createCohort(t.db, {
		actor: { id: me.id, role: 'trainer', email: EMAIL },
		courseId: courseIds[0]!,
		input: { name: 'Béja, session de printemps' }
	});
	createInvite(t.db, { actorId: me.id, cohortId: group.id, days: 7, capacity: null });
	addMember(t.db, { cohortId: group.id, userId: me.id, method: 'picked', actorId: admin.id });
	t.db
		.insert(cohortAnnouncement)
		.values({ cohortId: group.id, authorId: me.id, body: 'Séance jeudi.', createdAt: new Date() })
		.run();
	issuePasswordLink(t.db, { userId: me.id, purpose: 'set-password' });
	createAccessToken(t.db, {
		actor: { id: me.id, role: 'trainer', email: EMAIL, name: NAME, locale: 'ar' },
		name: 'Tableau de bord',
		scopes: ['reports:read']
	});
	// A municipality this person added to the list (an admin's act, recorded by added_by).
	saveMunicipalities(t.db, {
		rows: [
			{
				code: 'TN-31-02',
				governorateId: 'TN-31',
				nameAr: 'تستور',
				nameFr: 'Testour',
				nameEn: 'Testour'
			}
		],
		actorId: me.id
	});
	return { me, admin };
}

/**
 * Every row of every table, as text, to search for the person's data. Throttle counters per
 * address (`ip:…`) are left out: they count failures from an address across all accounts, are
 * tied to no one, and expire within the hour.
 */
function wholeDatabase(): string {
	const tables = t.db.$client
		.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
		.all() as { name: string }[];
	return tables
		.map(({ name }) =>
			JSON.stringify(
				t.db.$client
					.prepare(
						name === 'login_throttle'
							? `select * from login_throttle where key not like 'ip:%'`
							: `select * from "${name}"`
					)
					.all()
			)
		)
		.join('\n');
}

describe('personal data: the table list', () => {
	it('has a handler for every user column of the migrated database', () => {
		expect(userColumns().filter((c) => !covered().includes(c))).toEqual([]);
	});

	it('would fail for a new table with a user column and no handler', () => {
		t.db.$client.exec(
			'create table cohort_probe (id integer primary key, member_id text references user(id))'
		);
		try {
			expect(userColumns().filter((c) => !covered().includes(c))).toEqual([
				'cohort_probe.member_id'
			]);
		} finally {
			t.db.$client.exec('drop table cohort_probe');
		}
	});
});

describe('personal data: export and erasure', () => {
	it(
		'exports a row from every table that holds the person, answers and certificates included',
		{ timeout: 120_000 },
		async () => {
			const { me } = await busyLearner();
			const data = exportPersonalData(t.db, { userId: me.id });
			const byKey = Object.fromEntries(data.sections.map((s) => [s.key, s.rows]));
			for (const h of TABLE_HANDLERS.filter((x) => !/Graded|Revoked/.test(x.section)))
				expect(byKey[h.section]?.length, h.section).toBeGreaterThan(0);
			expect(byKey.profile).toEqual([
				expect.objectContaining({ name: NAME, email: EMAIL, governorate: 'باجة', gender: 'woman' })
			]);
			expect(byKey.certificates?.[0]).toMatchObject({ holderName: NAME });
			expect(byKey.answers?.some((a) => a.response !== null)).toBe(true);
			expect(JSON.stringify(byKey.sessions)).not.toMatch(/[0-9a-f]{64}/);
			expect(JSON.stringify(byKey.accessTokens)).not.toMatch(/[0-9a-f]{64}/);
			expect(byKey.audit?.some((a) => a.action === 'session.sign_in' && a.ip === IP)).toBe(true);
			expect(byKey.studioComments).toEqual([
				expect.objectContaining({ byYou: true, text: `ملاحظة من ${NAME}`, quote: NAME })
			]);
			expect(byKey.importConflicts).toEqual([expect.objectContaining({ decision: 'kept' })]);
		}
	);

	it(
		'leaves no personal data in any table, keeps statistics and a certificate the person chose to keep',
		{ timeout: 120_000 },
		async () => {
			const { me, admin } = await busyLearner();
			const codes = exportPersonalData(t.db, { userId: me.id })
				.sections.find((s) => s.key === 'certificates')!
				.rows.map((r) => r.code as string);
			expect(codes.length).toBeGreaterThanOrEqual(2);
			const [keep, revoke] = codes as [string, string];
			// Another learner erased earlier must not hide this one's traces.
			const attemptsBefore = t.db.$client
				.prepare('select count(*) as n from quiz_attempt where submitted_at is not null')
				.get() as { n: number };

			const r = eraseAccount(t.db, {
				userId: me.id,
				actorId: admin.id,
				choices: { [keep]: 'keep', [revoke]: 'revoke' },
				ip: '198.51.100.1'
			});
			expect(r.kept).toEqual([keep]);

			const everything = wholeDatabase();
			const withoutKept = everything.replaceAll(
				JSON.stringify(
					t.db.$client.prepare('select snapshot from certificate where code = ?').get(keep)
				).slice(1, -1),
				''
			);
			// Booleans, not toContain: a failure must not print the whole database.
			expect(withoutKept.includes(EMAIL), 'email left').toBe(false);
			expect(withoutKept.includes(IP), 'address left').toBe(false);
			expect(withoutKept.includes(NAME), 'name left').toBe(false);
			expect(everything.includes(NAME), 'the kept certificate').toBe(true);
			expect(verifyCertificateCode(t.db, keep)).toMatchObject({
				status: 'valid',
				certificate: { holderName: NAME }
			});
			expect(verifyCertificateCode(t.db, revoke)).toMatchObject({
				status: 'revoked',
				certificate: { holderName: '' }
			});
			const attemptsAfter = t.db.$client
				.prepare('select count(*) as n from quiz_attempt where submitted_at is not null')
				.get() as { n: number };
			expect(attemptsAfter.n).toBe(attemptsBefore.n);
			for (const c of userColumns().filter(
				(x) => !x.startsWith('certificate.') && x !== 'audit_log.actor_id' && x !== 'user.id'
			)) {
				const [table, column] = c.split('.') as [string, string];
				const n = t.db.$client
					.prepare(`select count(*) as n from "${table}" where "${column}" = ?`)
					.get(me.id) as { n: number };
				expect(n.n, c).toBe(0);
			}
			expect(
				await signIn(t.db, { email: EMAIL, password: 'correct horse battery', ip: IP })
			).toMatchObject({ ok: false });
			expect(
				t.db.$client.prepare(`select action from audit_log where action = 'user.erase'`).all()
			).toHaveLength(1);
			expect(() => t.db.$client.prepare('update audit_log set ip = null').run()).toThrow(
				/append-only/
			);
		}
	);

	it('refuses to erase the last admin, and an account erased already', async () => {
		const { me } = await busyLearner();
		const admins = t.db.$client
			.prepare(`select id from user where role = 'admin' and erased_at is null`)
			.all() as { id: string }[];
		for (const a of admins.slice(1)) eraseAccount(t.db, { userId: a.id, actorId: a.id });
		expect(() => eraseAccount(t.db, { userId: admins[0]!.id, actorId: admins[0]!.id })).toThrow(
			'last_admin'
		);
		eraseAccount(t.db, { userId: me.id, actorId: me.id });
		expect(() => eraseAccount(t.db, { userId: me.id, actorId: me.id })).toThrow('not_found');
	});
});
