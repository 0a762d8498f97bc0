// Completion periods, the differencing guard and the cohort breakdown on a real SQLite file
// (the migrations' report_fact and its triggers), with the hand-worked fixture.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { aggregateCells } from '../../../src/lib/server/reports/aggregate.ts';
import { reportFactMigration } from '../../../src/lib/server/reports/facts.ts';
import type { Dimension, ReportFilter } from '../../../src/lib/server/reports/filters.ts';
import { buildReport, type ReportRow } from '../../../src/lib/server/reports/indicators.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { addMember } from '../../../src/lib/server/cohorts/members.ts';
import { seedReportFixture } from './fixture.ts';

let t: TestDb;
let courseId: number;
beforeAll(() => {
	t = createTestDb();
	({ courseId } = seedReportFixture(t.db));
});
afterAll(() => {
	t.close();
});

const report = (filter: ReportFilter, breakdown: Dimension[] = [], k = 5) =>
	buildReport(t.db, { filter, scope: 'all', breakdown, k });
const total = (rows: ReportRow[]) => rows[rows.length - 1]!;
const keyed = (rows: ReportRow[]) => new Map(rows.map((r) => [r.keys.join('|'), r.counts]));

const cohortWith = (name: string, members: string[]) => {
	const admin = { id: 'L1', role: 'admin', email: '' } as const;
	const c = createCohort(t.db, { actor: admin, courseId, input: { name } });
	for (const userId of members)
		addMember(t.db, { cohortId: c.id, userId, method: 'picked', actorId: admin.id });
	return c.id;
};

describe('completion date in report_fact', () => {
	it('is the time the last active lesson was completed, and null until then', () => {
		const rows = t.db.all<{ user_id: string; completed: number; completed_at: number | null }>(
			sql`select user_id, completed, completed_at from report_fact where course_id = ${courseId} order by enrolment_id`
		);
		const jan10 = Date.parse('2026-01-10T09:00:00Z');
		expect(rows.filter((r) => r.completed).map((r) => r.completed_at)).toEqual(
			Array(5).fill(jan10)
		);
		expect(rows.filter((r) => !r.completed).every((r) => r.completed_at === null)).toBe(true);
	});

	it('the migration file is what reportFactMigration prints (one definition of the facts)', () => {
		const file = fs.readFileSync('db/migrations/0020_report_completion_date.sql', 'utf8');
		const header = file.slice(0, file.indexOf('drop trigger'));
		expect(header).toMatch(/^-- /);
		expect(file).toBe(reportFactMigration(header));
	});
});

describe('completion period and its differencing guard', () => {
	it('filters by completion month, both ends inclusive', () => {
		const jan = report({ courseId, completedFrom: '2026-01', completedTo: '2026-01' }, [], 1);
		expect(total(jan.rows).counts.enrolled.value).toBe(5);
		expect(total(jan.rows).counts.completed.value).toBe(5);
		expect(
			total(report({ courseId, completedFrom: '2026-02' }, [], 1).rows).counts.enrolled.value
		).toBe(0);
		expect(
			total(report({ courseId, completedTo: '2025-12' }, [], 1).rows).counts.enrolled.value
		).toBe(0);
	});

	it('hides a period that another period could be subtracted from down to one learner', () => {
		// L6 finishes the course in February: completed 5 in January, 1 in February.
		const l2 = t.db.get<{ id: number }>(
			sql`select l.id from lesson l join module mo on mo.id = l.module_id where mo.course_id = ${courseId} and l.slug = 'l2'`
		).id;
		const feb = Date.parse('2026-02-12T10:00:00Z');
		t.db.run(
			sql`insert into lesson_progress (user_id, lesson_id, first_opened_at, last_opened_at, completed_at) values ('L6', ${l2}, ${feb}, ${feb}, ${feb})`
		);
		t.db.run(sql`update lesson_progress set completed_at = ${feb} where user_id = 'L6'`);
		// Naive: both periods count at least k = 5, so both would be shown, and 6 − 5 = 1.
		const naive = (filter: ReportFilter) =>
			aggregateCells(t.db, { filter: { courseId, ...filter }, scope: 'all', breakdown: [] })[0]
				?.counts.enrolled;
		const janFeb = { completedFrom: '2026-01', completedTo: '2026-02' };
		const jan = { completedFrom: '2026-01', completedTo: '2026-01' };
		expect([naive(janFeb), naive(jan)]).toEqual([6, 5]);
		// Guarded: January–February holds February's 1, so it is hidden; January alone leaves
		// 1 completed later plus 4 not completed (5 ≥ k) after it, and is shown.
		expect(total(report({ courseId, ...janFeb }).rows).counts.enrolled).toEqual({
			value: 6,
			hidden: true
		});
		expect(total(report({ courseId, ...jan }).rows).counts.enrolled).toEqual({
			value: 5,
			hidden: false
		});
		// A breakdown's cells and totals are guarded one by one, and protected by secondary suppression.
		const bySex = report({ courseId, ...janFeb }, ['sex']);
		for (const row of bySex.rows) expect(row.counts.enrolled.hidden, row.keys.join()).toBe(true);
	});
});

describe('cohort breakdown', () => {
	let a: number;
	let b: number;
	beforeAll(() => {
		a = cohortWith('Alpha', ['L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
		b = cohortWith('Beta', ['L1', 'L7']);
	});

	it('one row per cohort and one for no cohort; a learner in two counts in both, the total once', () => {
		const r = report({ courseId }, ['cohort'], 1);
		expect(r.rows.map((row) => [row.keys[0], row.counts.enrolled.value])).toEqual([
			[String(a), 6],
			[String(b), 2],
			['no-cohort', 3],
			[null, 10]
		]);
	});

	it('keeps primary and secondary suppression at k = 5', () => {
		const r = keyed(report({ courseId }, ['cohort']).rows);
		expect(r.get(String(a))?.enrolled).toEqual({ value: 6, hidden: false });
		expect(r.get(String(b))?.enrolled.hidden).toBe(true);
		expect(r.get('no-cohort')?.enrolled.hidden).toBe(true);
		expect(r.get('')?.enrolled).toEqual({ value: 10, hidden: false });
		// Two-way: Alpha × sex; every line with a hidden entry has at least two.
		const two = report({ courseId }, ['cohort', 'sex']);
		const cells = keyed(two.rows);
		expect(cells.get(`${String(a)}|`)?.enrolled).toEqual({ value: 6, hidden: false });
		expect(cells.get('|woman')?.enrolled).toEqual({ value: 5, hidden: false });
		expect(cells.get('|')?.enrolled).toEqual({ value: 10, hidden: false });
		const lines = [
			[...cells].filter(([key]) => key.startsWith(`${String(a)}|`)),
			[...cells].filter(([key]) => key.endsWith('|woman'))
		];
		for (const line of lines) {
			const hidden = line.filter(([, c]) => c.enrolled.hidden).length;
			expect(hidden === 0 || hidden >= 2, JSON.stringify(line)).toBe(true);
		}
	});

	it('a trainer sees only their own cohorts, even for a learner also in another', () => {
		const scope = { cohorts: [b], courses: [courseId] };
		const r = buildReport(t.db, { filter: {}, scope, breakdown: ['cohort'], k: 1 });
		expect(r.rows.map((row) => [row.keys[0], row.counts.enrolled.value])).toEqual([
			[String(b), 2],
			[null, 2]
		]);
		// A cohort filter narrows the breakdown to that cohort.
		const only = report({ cohortId: a }, ['cohort'], 1);
		expect(only.rows.map((row) => [row.keys[0], row.counts.enrolled.value])).toEqual([
			[String(a), 6],
			[null, 6]
		]);
	});
});
