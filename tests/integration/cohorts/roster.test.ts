import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { importCourse } from '../../../src/lib/server/courses/import/import-courses.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { parseRoster } from '../../../src/lib/server/cohorts/roster-parse.ts';
import { applyRoster, planRoster } from '../../../src/lib/server/cohorts/roster-apply.ts';
import {
	checkPasswordLink,
	usePasswordLink
} from '../../../src/lib/server/accounts/password-links.ts';
import { createSession } from '../../../src/lib/server/auth/session.ts';
import { verifyPassword } from '../../../src/lib/server/auth/password.ts';
import { DomainError } from '../../../src/lib/server/errors.ts';
import { cohortMember, course, session, user } from '../../../src/lib/server/db/schema/index.ts';
import { account } from './fixture.ts';

const run = promisify(execFile);
let t: TestDb;
let cohortId: number;

// As Excel writes it in a French or Arabic locale: BOM, `;`, CRLF, a quoted name with a `;`.
const ROSTER =
	'\uFEFFname;email;position;governorate;municipality;gender\r\n' +
	'"Ben Ali; Amel";Amel@Example.tn;municipal-staff;Sfax;;woman\r\n' +
	'هالة الطرابلسي;hela@example.tn;;صفاقس;;\r\n' +
	';no-name@example.tn;;;;\r\n' +
	'Karim;not-an-email;mayor;Atlantis;;x\r\n' +
	'Amel again;amel@example.tn;;;;\r\n';

beforeAll(async () => {
	t = createTestDb();
	importCourse(t.db, { dir: 'courses/participatory-governance' });
	const courseId = t.db.select().from(course).get()!.id;
	const admin = await account(t.db, 'admin@example.tn', 'admin');
	cohortId = createCohort(t.db, { actor: admin, courseId, input: { name: 'Sfax' } }).id;
});
afterAll(() => {
	t.close();
});

describe('roster CSV', () => {
	it('reads BOM, `;` and quoted fields, and shows every row’s problems before writing anything', () => {
		const rows = parseRoster(t.db, ROSTER)!;
		expect(rows.map((r) => [r.line, r.problems])).toEqual([
			[2, []],
			[3, []],
			[4, ['roster_name_missing']],
			[
				5,
				[
					'invalid_email',
					'roster_position_unknown',
					'roster_governorate_unknown',
					'roster_gender_unknown'
				]
			],
			[6, ['roster_email_repeated']]
		]);
		expect(rows[0]!.person).toMatchObject({
			name: 'Ben Ali; Amel',
			email: 'amel@example.tn',
			governorateId: 'TN-61',
			gender: 'woman'
		});
		expect(rows[1]!.person?.governorateId).toBe('TN-61');
		expect(planRoster(t.db, { cohortId, rows }).map((r) => r.outcome)).toEqual([
			'created',
			'created',
			'refused',
			'refused',
			'refused'
		]);
		expect(t.db.select().from(user).where(eq(user.email, 'amel@example.tn')).all()).toEqual([]);
		expect(parseRoster(t.db, 'name,email\nAmel,amel@example.tn\n')![0]!.problems).toEqual([]);
	});

	it('confirming creates accounts with one-time links; uploading the same file again changes nothing', () => {
		const rows = parseRoster(t.db, ROSTER)!;
		const first = applyRoster(t.db, { actorId: null, cohortId, rows, locale: 'ar' });
		expect(first.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 3 });
		expect(first.links.map((l) => l.email)).toEqual(['amel@example.tn', 'hela@example.tn']);
		expect(t.db.select().from(cohortMember).all()).toHaveLength(2);
		const again = applyRoster(t.db, { actorId: null, cohortId, rows, locale: 'ar' });
		expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 3 });
		expect(again.links).toEqual([]);
		expect(t.db.select().from(user).all()).toHaveLength(3);
	});

	it('a set-password link works once, for 7 days, and ends the account’s sessions', async () => {
		const rows = parseRoster(t.db, 'name,email\nSami,sami@example.tn\n')!;
		const now = new Date();
		const [link] = applyRoster(t.db, { actorId: null, cohortId, rows, locale: 'fr', now }).links;
		const sami = t.db.select().from(user).where(eq(user.email, 'sami@example.tn')).get()!;
		expect(await verifyPassword(sami.passwordHash, 'anything at all')).toBe(false);
		const later = new Date(now.getTime() + 7 * 86_400_000 + 1);
		expect(checkPasswordLink(t.db, link!.token, later)).toBeNull();
		createSession(t.db, { userId: sami.id });
		await usePasswordLink(t.db, { token: link!.token, password: 'un mot de passe long' });
		const after = t.db.select().from(user).where(eq(user.id, sami.id)).get()!;
		expect(await verifyPassword(after.passwordHash, 'un mot de passe long')).toBe(true);
		expect(t.db.select().from(session).where(eq(session.userId, sami.id)).all()).toEqual([]);
		await expect(
			usePasswordLink(t.db, { token: link!.token, password: 'encore un autre mot' })
		).rejects.toThrow(DomainError);
	});
});

describe('npm run cohort:import', () => {
	const cli = (args: string[]) =>
		run('npx', ['tsx', 'src/cli/cohort-import.ts', ...args], {
			env: { ...process.env, DATABASE_URL: t.file }
		}).then(
			(r) => ({ code: 0, ...r }),
			(e: unknown) => e as { code: number; stdout: string; stderr: string }
		);

	it('exits 2 on bad arguments', async () => {
		expect((await cli(['--course', 'participatory-governance'])).code).toBe(2);
		expect((await cli(['--bogus'])).code).toBe(2);
	}, 60_000);

	it('prints created/updated/unchanged/refused counts, and a second run changes nothing', async () => {
		const file = path.join(t.dir, 'roster.csv');
		fs.writeFileSync(file, 'name,email\nNour,nour@example.tn\nAmel,amel@example.tn\n,x\n');
		const args = ['--course', 'participatory-governance', '--cohort', 'Sfax', file];
		const first = await cli(args);
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('created 1, updated 0, unchanged 1, refused 1');
		expect(first.stdout).toMatch(/nour@example\.tn\thttp:\/\/localhost[^\s]*\/ar\/set-password\//);
		const second = await cli(args);
		expect(second.stdout).toContain('created 0, updated 0, unchanged 2, refused 1');
	}, 60_000);
});
