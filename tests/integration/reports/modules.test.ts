// Module pass rates: counted from submitted attempts at each module's quiz, under the report's
// filter, small counts hidden, and the same with or without the summary table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { installReportFacts } from '../../../src/lib/server/reports/facts.ts';
import { moduleReport } from '../../../src/lib/server/reports/modules.ts';
import type { ReportFilter } from '../../../src/lib/server/reports/filters.ts';

let t: TestDb;
beforeAll(() => {
	t = createTestDb();
	importCourses(t.db, { dir: 'tests/fixtures/courses/valid' });
	const run = (q: string) => t.db.run(sql.raw(q));
	const quiz = t.db.get<{ id: number; courseId: number }>(
		sql`select id, course_id as courseId from quiz where module_id is not null and slug not like '%.assignment'`
	);
	// Eight learners: seven tried the module quiz (six women), five passed (one on a second try).
	for (let i = 1; i <= 8; i++) {
		const gender = i <= 6 ? 'woman' : 'man';
		run(`insert into user (id, email, name, password_hash, gender, created_at, updated_at)
			values ('M${String(i)}', 'm${String(i)}@example.tn', 'M', 'x', '${gender}', 1, 1)`);
		run(`insert into enrolment (user_id, course_id, enrolled_at, last_active_at)
			values ('M${String(i)}', ${String(quiz.courseId)}, 1, 1)`);
	}
	const attempt = (user: string, passed: number, submitted = true) =>
		run(`insert into quiz_attempt (user_id, quiz_id, kind, started_at, submitted_at, seed, locale,
			settings, questions, percentage, passed) values ('${user}', ${String(quiz.id)}, 'attempt', 1,
			${submitted ? '2' : 'null'}, 's', 'fr', '{}', '[]', ${String(passed * 80)}, ${String(passed)})`);
	for (const u of ['M1', 'M2', 'M3', 'M4']) attempt(u, 1);
	attempt('M5', 0);
	attempt('M5', 1);
	attempt('M6', 0);
	attempt('M7', 0);
	attempt('M8', 1, false); // still open: not counted
});
afterAll(() => {
	t.close();
});

const report = (filter: ReportFilter, k = 5) =>
	moduleReport(t.db, { filter, scope: 'all', k }).map((r) => ({
		position: r.position,
		tried: r.tried.hidden ? 'hidden' : r.tried.value,
		passed: r.passed.hidden ? 'hidden' : r.passed.value,
		passRate: r.passRate
	}));

describe('module pass rates', () => {
	it('counts learners who submitted and who passed, once each, open attempts aside', () => {
		expect(report({})).toEqual([{ position: 1, tried: 7, passed: 5, passRate: 5 / 7 }]);
	});

	it('hides a count under k and the rate drawn from it', () => {
		expect(report({ sex: 'woman' }, 6)).toEqual([
			{ position: 1, tried: 6, passed: 'hidden', passRate: null }
		]);
		expect(report({ sex: 'man' })).toEqual([
			{ position: 1, tried: 'hidden', passed: 'hidden', passRate: null }
		]);
	});

	it('gives the same rows from the summary table', () => {
		const before = [report({}), report({ sex: 'woman' }, 6), report({ sex: 'man' }, 1)];
		installReportFacts(t.db);
		expect([report({}), report({ sex: 'woman' }, 6), report({ sex: 'man' }, 1)]).toEqual(before);
	});

	it('guards a period: no two periods subtract down to the two who tried in February', () => {
		// M6 and M7 (tried, not passed) enrolled in February 1970; the other five in January.
		const feb = Date.UTC(1970, 1, 10);
		t.db.run(sql`update enrolment set enrolled_at = ${feb} where user_id in ('M6', 'M7')`);
		installReportFacts(t.db);
		// Naive, January–February (7) minus January (5) would be 2. Both are hidden instead.
		expect(report({ from: '1970-01', to: '1970-02' })[0]?.tried).toBe('hidden');
		expect(report({ from: '1970-01', to: '1970-01' })[0]?.tried).toBe('hidden');
		// Passed: 5 in January, none in February (a month with nobody does not hide).
		expect(report({ from: '1970-01', to: '1970-01' })[0]?.passed).toBe(5);
		expect(report({})[0]?.tried).toBe(7);
	});
});
