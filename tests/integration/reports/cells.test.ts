// A report's tables from one query each (cells.ts) against the same tables asked of the
// database directly: a period's table summed from the guard's months, margins summed from the
// cells, on synthetic activity spread over 22 months.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { aggregateCells, type CellRow } from '../../../src/lib/server/reports/aggregate.ts';
import { reportCells } from '../../../src/lib/server/reports/cells.ts';
import {
	withoutPeriod,
	type Dimension,
	type ReportFilter,
	type ReportScope
} from '../../../src/lib/server/reports/filters.ts';
import { fillSynthetic } from '../../../src/lib/server/synthetic/fill.ts';
import { seedReportFixture } from './fixture.ts';

let t: TestDb;
beforeAll(() => {
	t = createTestDb();
	seedReportFixture(t.db);
	importCourses(t.db, { dir: 'tests/fixtures/courses/valid' });
	fillSynthetic(t.db, { learners: 300, seed: 11 });
	// Some learners in a second cohort of the same course: cohort margins are not sums.
	t.db.run(sql`insert into cohort_member (cohort_id, user_id, joined_at, joined_by)
		select (select min(id) from cohort where course_id = c.course_id and id > c.id),
			cm.user_id, cm.joined_at, 'picked'
		from cohort_member cm join cohort c on c.id = cm.cohort_id
		where substr(cm.user_id, -1) in ('1', '4', '7')
			and exists (select 1 from cohort where course_id = c.course_id and id > c.id)`);
});
afterAll(() => {
	t.close();
});

const sorted = (rows: CellRow[]) =>
	[...rows].sort((a, b) => a.keys.join('/').localeCompare(b.keys.join('/')));

function expectSameTable(got: CellRow[], asked: CellRow[], label: string) {
	const [g, a] = [sorted(got), sorted(asked)];
	expect(
		g.map((r) => r.keys),
		label
	).toEqual(a.map((r) => r.keys));
	g.forEach((row, i) => {
		for (const [name, value] of Object.entries(row.counts))
			expect(value, `${label} ${row.keys.join('/')} ${name}`).toBeCloseTo(
				a[i]?.counts[name as keyof typeof row.counts] ?? NaN,
				9
			);
	});
}

/** The breakdown and every coarser one (the margins), dimensions in the same order. */
const coarser = (b: Dimension[]): Dimension[][] =>
	b.length === 2 ? [b, [b[0]!], [b[1]!], []] : b.length === 1 ? [b, []] : [[]];

describe('report cells from one query', () => {
	it('a period summed from its months and margins summed from cells equal the tables asked', () => {
		const cohorts = t.db
			.all<{ id: number; course_id: number }>(sql`select id, course_id from cohort order by id`)
			.slice(0, 3);
		const trainer: ReportScope = {
			cohorts: cohorts.map((c) => c.id),
			courses: [...new Set(cohorts.map((c) => c.course_id))]
		};
		const shapes: { filter: ReportFilter; breakdown: Dimension[]; scope?: ReportScope }[] = [
			{ filter: { completedFrom: '2025-07', completedTo: '2025-12' }, breakdown: ['governorate'] },
			{ filter: { from: '2025-03', to: '2025-03' }, breakdown: ['sex', 'position'] },
			{ filter: { completedFrom: '2026-02' }, breakdown: ['course'] },
			{ filter: { to: '2025-06', sex: 'woman' }, breakdown: [] },
			{
				filter: { to: '2025-09', completedFrom: '2025-04', completedTo: '2026-01' },
				breakdown: ['governorate', 'sex']
			},
			{ filter: { completedTo: '2025-10' }, breakdown: ['cohort'] },
			{
				filter: { completedFrom: '2025-09', completedTo: '2025-11' },
				breakdown: ['cohort', 'sex']
			},
			{ filter: { from: '2025-02', to: '2026-05' }, breakdown: ['position'], scope: trainer },
			{ filter: {}, breakdown: ['position', 'governorate'] }
		];
		for (const { filter, breakdown, scope = 'all' } of shapes) {
			const label = `${JSON.stringify(filter)} ${breakdown.join('×')}`;
			const source = reportCells(t.db, { filter, scope, breakdown });
			const asked = aggregateCells(t.db, { filter, scope, breakdown });
			// Each shape has something to compare.
			expect(asked.length, label).toBeGreaterThan(0);
			for (const b of coarser(breakdown))
				expectSameTable(
					source.cells(b),
					aggregateCells(t.db, { filter, scope, breakdown: b }),
					`${label} as ${b.join('×')}`
				);
			for (const { axis, byMonth } of source.splits)
				for (const b of coarser(breakdown))
					expectSameTable(
						byMonth(b),
						aggregateCells(t.db, {
							filter: withoutPeriod(filter, axis),
							scope,
							breakdown: b,
							month: axis
						}),
						`${label} by ${axis} month as ${b.join('×')}`
					);
		}
	});
});
