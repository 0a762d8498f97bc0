// The report summary table (report_fact) against the query it replaced: the same numbers on the
// hand-worked fixture and on synthetic activity, and still the same after every kind of write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { aggregateCells } from '../../../src/lib/server/reports/aggregate.ts';
import {
	factsSelect,
	hasReportFacts,
	installReportFacts,
	dropReportFacts
} from '../../../src/lib/server/reports/facts.ts';
import type { Dimension, ReportFilter } from '../../../src/lib/server/reports/filters.ts';
import { fillSynthetic } from '../../../src/lib/server/synthetic/fill.ts';
import { aggregateCellsBefore } from './aggregate-before.ts';
import { seedReportFixture } from './fixture.ts';

const SHAPES: { filter: ReportFilter; breakdown: Dimension[] }[] = [
	{ filter: {}, breakdown: [] },
	{ filter: {}, breakdown: ['governorate'] },
	{ filter: {}, breakdown: ['governorate', 'sex'] },
	{ filter: {}, breakdown: ['position', 'sex'] },
	{ filter: {}, breakdown: ['course', 'governorate'] },
	{ filter: { from: '2026-01', to: '2026-02' }, breakdown: ['sex'] },
	{ filter: { sex: 'woman', governorate: 'TN-11' }, breakdown: ['course'] }
];

const sorted = <T extends { keys: string[] }>(rows: T[]) =>
	[...rows].sort((a, b) => a.keys.join('/').localeCompare(b.keys.join('/')));

function expectSameAsBefore(t: TestDb) {
	for (const shape of SHAPES) {
		const now = sorted(aggregateCells(t.db, { ...shape, scope: 'all' }));
		const before = sorted(aggregateCellsBefore(t.db, { ...shape, scope: 'all' }));
		expect(now.length).toBeGreaterThan(0);
		expect(now.map((r) => r.keys)).toEqual(before.map((r) => r.keys));
		now.forEach((row, i) => {
			for (const [name, value] of Object.entries(row.counts)) {
				expect(value, `${shape.breakdown.join('×')} ${row.keys.join('/')} ${name}`).toBeCloseTo(
					before[i]?.counts[name as keyof typeof row.counts] ?? NaN,
					9
				);
			}
		});
	}
}

/** Rows of the table that differ from the facts recomputed from the activity tables. */
const stale = (t: TestDb) =>
	t.db.all<{ n: number }>(
		sql.raw(`select count(*) as n from (select * from report_fact except ${factsSelect('1')}
			union all ${factsSelect('1')} except select * from report_fact)`)
	)[0]?.n;

describe('report summary table (report_fact)', () => {
	let t: TestDb;
	let courseId: number;
	beforeAll(() => {
		t = createTestDb();
		({ courseId } = seedReportFixture(t.db));
		importCourses(t.db, { dir: 'tests/fixtures/courses/valid' });
		fillSynthetic(t.db, { learners: 300, seed: 7 });
	});
	afterAll(() => {
		t.close();
	});

	it('gives the same numbers as the query it replaced, with and without the table', () => {
		// The migration made the table and its triggers kept it exact while the fixture was filled.
		expect(hasReportFacts(t.db)).toBe(true);
		expect(stale(t)).toBe(0);
		expectSameAsBefore(t);
		dropReportFacts(t.db);
		expect(hasReportFacts(t.db)).toBe(false);
		expectSameAsBefore(t);
		installReportFacts(t.db);
		expect(hasReportFacts(t.db)).toBe(true);
		expect(stale(t)).toBe(0);
		expectSameAsBefore(t);
	});

	it('stays exact through progress, attempts, certificates, profile and course changes', () => {
		const run = (statement: string) => {
			t.db.run(sql.raw(statement));
			expect(stale(t), statement).toBe(0);
		};
		const lessons = t.db.all<{ id: number }>(
			sql`select l.id from lesson l join module mo on mo.id = l.module_id where mo.course_id = ${courseId} order by l.position`
		);
		const [l1, l2] = lessons.map((l) => l.id);
		const final = t.db.get<{ id: number }>(
			sql`select id from quiz where course_id = ${courseId} and slug = 'final'`
		).id;
		run(
			`insert into lesson_progress (user_id, lesson_id, first_opened_at, last_opened_at) values ('L9', ${String(l1)}, 1, 1)`
		);
		run(`update lesson_progress set completed_at = 2 where user_id = 'L6'`);
		run(
			`insert into lesson_progress (user_id, lesson_id, first_opened_at, last_opened_at, completed_at) values ('L6', ${String(l2)}, 1, 1, 2)`
		);
		run(`delete from lesson_progress where user_id = 'L1' and lesson_id = ${String(l2)}`);
		run(`update certificate set revoked_at = 3 where user_id = 'L4'`);
		run(
			`insert into quiz_attempt (user_id, quiz_id, kind, started_at, submitted_at, seed, locale, settings, questions, percentage) values ('L10', ${String(final)}, 'pretest', 1, 2, 's', 'fr', '{}', '[]', 20)`
		);
		run(
			`insert into quiz_attempt (user_id, quiz_id, kind, started_at, seed, locale, settings, questions) values ('L10', ${String(final)}, 'attempt', 1, 's', 'fr', '{}', '[]')`
		);
		run(
			`update quiz_attempt set submitted_at = 5, percentage = 90, passed = 1 where user_id = 'L10' and kind = 'attempt'`
		);
		run(
			`update quiz_attempt set passed = 1 where user_id like 'syn-%' and passed = 0 and id % 3 = 0`
		);
		run(`update user set gender = 'woman', governorate_id = 'TN-83' where id = 'L9'`);
		run(`update lesson set archived = 1 where id = ${String(l2)}`);
		run(
			`insert into lesson (module_id, slug, position, minutes) select module_id, 'new', 9, 5 from lesson where id = ${String(l1)}`
		);
		run(
			`update module set archived = 1 where course_id = (select id from course where slug = 'local-budgets') and position = 2`
		);
		run(
			`insert into enrolment (user_id, course_id, enrolled_at, last_active_at) values ('L9', (select id from course where slug = 'local-budgets'), 1, 1)`
		);
		run(`delete from user where id = 'L8'`);
		expectSameAsBefore(t);
	});
});
