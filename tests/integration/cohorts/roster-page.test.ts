import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, postForm } from '../../helpers/forms.ts';
import { startSmtp, type TestSmtp } from '../../helpers/smtp.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { assignCourseTrainer } from '../../../src/lib/server/courses/trainers.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { cohortMember, user } from '../../../src/lib/server/db/schema/index.ts';

// As Excel writes it in a French or Arabic locale: BOM, `;`, CRLF, a quoted name with a `;`,
// and one bad row.
const ROSTER =
	'\uFEFFname;email;position;governorate;municipality;gender\r\n' +
	'"Ben Ali; Amel";Amel@Example.tn;municipal-staff;Sfax;;woman\r\n' +
	'هالة الطرابلسي;hela@example.tn;;صفاقس;;\r\n' +
	'Karim;not-an-email;;;;\r\n';

type S = Awaited<ReturnType<typeof signedIn>>;

/** Sends a file as a browser's file input does (multipart, with a filename). */
function upload(h: TestApp, url: string, csv: string, cookie: string) {
	const b = '----roster' + Math.random().toString(16).slice(2);
	const body =
		`--${b}\r\ncontent-disposition: form-data; name="file"; filename="roster.csv"\r\n` +
		`content-type: text/csv\r\n\r\n${csv}\r\n--${b}--\r\n`;
	return h.app.inject({
		method: 'POST',
		url,
		headers: {
			accept: 'text/html',
			'content-type': `multipart/form-data; boundary=${b}`,
			origin: ORIGIN,
			cookie
		},
		payload: Buffer.from(body, 'utf8')
	});
}
const digestIn = (html: string) => /name="digest" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? '';

async function setUp(env: Record<string, string> = {}) {
	const h = await buildTestApp({ kit: true, courses: true, env });
	const admin = await signedIn(h.app, h.t.db, 'admin@example.tn', 'admin');
	const runner = await signedIn(h.app, h.t.db, 'runner@example.tn', 'trainer');
	const other = await signedIn(h.app, h.t.db, 'other@example.tn', 'trainer');
	const courseId = courseIdOf(h.t.db, 'participatory-governance');
	assignCourseTrainer(h.t.db, { actorId: admin.id, courseId, userId: runner.id });
	const c = createCohort(h.t.db, {
		actor: { id: runner.id, role: 'trainer', email: 'runner@example.tn' },
		courseId,
		input: { name: 'Sfax' }
	});
	return { h, runner, other, url: `/fr/trainer/cohorts/${String(c.id)}/roster`, cohortId: c.id };
}

describe('roster page, without mail', () => {
	let h: TestApp, runner: S, other: S, url: string, cohortId: number;
	beforeAll(async () => {
		({ h, runner, other, url, cohortId } = await setUp());
	});
	afterAll(() => h.close());
	const members = () =>
		h.t.db.select().from(cohortMember).where(eq(cohortMember.cohortId, cohortId)).all();

	it('is linked from the manage page and hidden from another trainer', async () => {
		const manage = await h.app.inject({
			url: url.replace('/roster', '/manage'),
			headers: { cookie: runner.cookie }
		});
		expect(manage.body).toContain(`href="${url}"`);
		expect((await h.app.inject({ url, headers: { cookie: runner.cookie } })).statusCode).toBe(200);
		expect((await h.app.inject({ url, headers: { cookie: other.cookie } })).statusCode).toBe(404);
		expect((await upload(h, `${url}?/preview`, ROSTER, other.cookie)).statusCode).toBe(404);
	});

	it('previews every row and its problems, and writes nothing', async () => {
		const res = await upload(h, `${url}?/preview`, ROSTER, runner.cookie);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('Ben Ali; Amel');
		expect(res.body).toContain('هالة الطرابلسي');
		expect(res.body).toContain('Nouveaux comptes : 2 · ajoutés : 0 · inchangés : 0 · refusés : 1');
		expect(res.body).toMatch(/adresse e-mail|e-mail/i);
		expect(digestIn(res.body)).not.toBe('');
		expect(members()).toEqual([]);
		expect(
			h.t.db.select().from(user).where(eq(user.email, 'amel@example.tn')).get()
		).toBeUndefined();
	});

	it('writes on confirmation, lists the links to hand out once, and a second upload changes nothing', async () => {
		const preview = await upload(h, `${url}?/preview`, ROSTER, runner.cookie);
		const done = await postForm(
			h.app,
			`${url}?/confirm`,
			{ content: ROSTER, digest: digestIn(preview.body) },
			runner.cookie
		);
		expect(done.statusCode).toBe(200);
		expect(done.body).toContain('Nouveaux comptes : 2 · ajoutés : 0 · inchangés : 0 · refusés : 1');
		expect(done.body).toMatch(/http:\/\/localhost[^<\s]*\/fr\/set-password\/\w+/);
		expect(members()).toHaveLength(2);
		// Shown once: the page itself never lists them again.
		const page = await h.app.inject({ url, headers: { cookie: runner.cookie } });
		expect(page.body).not.toContain('/set-password/');

		const again = await upload(h, `${url}?/preview`, ROSTER, runner.cookie);
		expect(again.body).toContain('inchangés : 2 · refusés : 1');
		const second = await postForm(
			h.app,
			`${url}?/confirm`,
			{ content: ROSTER, digest: digestIn(again.body) },
			runner.cookie
		);
		expect(second.body).toContain(
			'Nouveaux comptes : 0 · ajoutés : 0 · inchangés : 2 · refusés : 1'
		);
		expect(second.body).not.toContain('/set-password/');
		expect(members()).toHaveLength(2);
	});

	it('writes nothing when the file or the cohort changed since the preview, and shows the new preview', async () => {
		const csv = 'name,email\nSonia,sonia@example.tn\n';
		const preview = await upload(h, `${url}?/preview`, csv, runner.cookie);
		const tampered = await postForm(
			h.app,
			`${url}?/confirm`,
			{ content: csv + 'Intruse,intruse@example.tn\n', digest: digestIn(preview.body) },
			runner.cookie
		);
		expect(tampered.statusCode).toBe(409);
		expect(tampered.body).toContain('Cet aperçu a expiré');
		expect(tampered.body).toContain('intruse@example.tn');
		expect(
			h.t.db.select().from(user).where(eq(user.email, 'intruse@example.tn')).get()
		).toBeUndefined();
		expect(
			h.t.db.select().from(user).where(eq(user.email, 'sonia@example.tn')).get()
		).toBeUndefined();
	});

	it('refuses a file that is not a roster with a message, never a 500', async () => {
		const empty = await upload(h, `${url}?/preview`, '', runner.cookie);
		expect(empty.statusCode).toBe(400);
		const huge = await upload(h, `${url}?/preview`, 'a,b@c.tn\n'.repeat(40_000), runner.cookie);
		expect(huge.statusCode).toBe(413);
		expect(huge.body).toContain('trop grand');
		const broken = await upload(h, `${url}?/preview`, 'a,"b\n', runner.cookie);
		expect(broken.statusCode).toBe(400);
		const noFile = await postForm(
			h.app,
			`${url}?/confirm`,
			{ content: '', digest: 'x' },
			runner.cookie
		);
		expect(noFile.statusCode).toBe(400);
	});

	it('adds an existing learner by exact email only: no partial search, no staff accounts', async () => {
		await signedIn(h.app, h.t.db, 'mourad@example.tn', 'learner');
		const found = await postForm(
			h.app,
			`${url}?/find`,
			{ email: 'Mourad@example.tn' },
			runner.cookie
		);
		expect(found.body).toContain('action="?/pick"');
		expect(found.body).toContain('mourad@example.tn');
		const partial = await postForm(h.app, `${url}?/find`, { email: 'mourad' }, runner.cookie);
		expect(partial.statusCode).toBe(400);
		const staff = await postForm(
			h.app,
			`${url}?/find`,
			{ email: 'other@example.tn' },
			runner.cookie
		);
		expect(staff.body).toContain('Aucun apprenant avec cette adresse.');
		const otherPick = await postForm(
			h.app,
			`${url}?/pick`,
			{ email: 'mourad@example.tn' },
			other.cookie
		);
		expect(otherPick.statusCode).toBe(404);
		const picked = await postForm(
			h.app,
			`${url}?/pick`,
			{ email: 'mourad@example.tn' },
			runner.cookie
		);
		expect(picked.statusCode).toBe(200);
		expect(picked.body).toContain('a été ajouté(e) à la cohorte');
		const mourad = h.t.db.select().from(user).where(eq(user.email, 'mourad@example.tn')).get()!;
		const row = h.t.db
			.select()
			.from(cohortMember)
			.where(and(eq(cohortMember.cohortId, cohortId), eq(cohortMember.userId, mourad.id)))
			.get();
		expect(row?.joinedBy).toBe('picked');
		const twice = await postForm(
			h.app,
			`${url}?/find`,
			{ email: 'mourad@example.tn' },
			runner.cookie
		);
		expect(twice.body).toContain('est déjà membre');
	});
});

describe('roster page, with mail', () => {
	let h: TestApp, runner: S, url: string;
	let smtp: TestSmtp;
	beforeAll(async () => {
		smtp = await startSmtp();
		({ h, runner, url } = await setUp({ SMTP_URL: smtp.url }));
	});
	afterAll(async () => {
		await h.close();
		await smtp.close();
	});

	it('mails each new account its "set your password" link instead of listing it', async () => {
		const preview = await upload(h, `${url}?/preview`, ROSTER, runner.cookie);
		const done = await postForm(
			h.app,
			`${url}?/confirm`,
			{ content: ROSTER, digest: digestIn(preview.body) },
			runner.cookie
		);
		expect(done.body).toContain('2 personne(s) ont reçu leur lien par e-mail.');
		expect(done.body).not.toContain('/set-password/');
		const mail = await smtp.waitFor('hela@example.tn');
		expect(mail.subject).toBe('Votre compte Tamkeen');
		expect(mail.text).toContain('« Sfax »');
		expect(mail.text).toMatch(/\/fr\/set-password\/\w+/);
		await smtp.waitFor('amel@example.tn');
	});
});
