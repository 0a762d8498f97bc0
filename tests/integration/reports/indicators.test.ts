import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { buildReport, type ReportRow } from '../../../src/lib/server/reports/indicators.ts';
import { parseReportQuery, type ReportFilter } from '../../../src/lib/server/reports/filters.ts';
import { knowledgeGain } from '../../../src/lib/server/quiz/knowledge-gain.ts';
import { seedReportFixture } from './fixture.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { addMember } from '../../../src/lib/server/cohorts/members.ts';

let t: TestDb;
let courseId: number;
let otherCourseId: number;
beforeAll(() => {
	t = createTestDb();
	({ courseId, otherCourseId } = seedReportFixture(t.db));
});
afterAll(() => {
	t.close();
});

const report = (
	filter: ReportFilter,
	breakdown: ('governorate' | 'sex' | 'course' | 'position')[] = [],
	k = 2
) => buildReport(t.db, { filter, scope: 'all', breakdown, k });
const total = (rows: ReportRow[]) => rows[rows.length - 1]!;
let cohorts = 0;
/** A cohort of `course` with these fixture learners as members (opened by an admin). */
const cohortWith = (course: number, members: string[]) => {
	const admin = { id: 'L1', role: 'admin', email: '' } as const;
	const c = createCohort(t.db, {
		actor: admin,
		courseId: course,
		input: { name: `Cohort ${String(++cohorts)}` }
	});
	for (const userId of members)
		addMember(t.db, { cohortId: c.id, userId, method: 'picked', actorId: admin.id });
	return c.id;
};
const counts = (row: ReportRow) =>
	Object.fromEntries(
		Object.entries(row.counts).map(([name, c]) => [name, c.hidden ? 'hidden' : c.value])
	);

describe('report indicators (SQL aggregation, real database)', () => {
	it('counts the course as worked out by hand in the fixture', () => {
		const r = report({ courseId });
		expect(r.rows).toHaveLength(1);
		expect(counts(total(r.rows))).toEqual({
			enrolled: 10,
			started: 8,
			completed: 5,
			certified: 4, // L5's certificate was revoked
			womenEnrolled: 5,
			womenCertified: 3,
			paired: 6,
			improved: 5
		});
		expect(total(r.rows).completionRate).toBe(0.5);
		expect(total(r.rows).womenEnrolledShare).toBe(0.5);
		expect(total(r.rows).womenCertifiedShare).toBe(0.75);
	});

	it('pairs learners by the knowledge-gain rule: pre-test against best final, both present', () => {
		const gains = knowledgeGain(t.db, { courseId }).flatMap((g) =>
			g.gain === null ? [] : [g.gain]
		);
		const row = total(report({ courseId }).rows);
		expect(row.counts.paired.value).toBe(gains.length);
		expect(row.meanGain).toBeCloseTo(gains.reduce((a, b) => a + b, 0) / gains.length, 10);
	});

	it('Tunis: mean gain 20 with its 95 % interval, Hake gain 1/3, all five improved', () => {
		const r = report({ courseId }, ['governorate']);
		expect(r.rows.map((row) => row.keys[0])).toEqual(['TN-11', 'TN-61', 'not-stated', null]);
		const tunis = r.rows[0]!;
		expect(counts(tunis)).toMatchObject({ enrolled: 6, completed: 5, paired: 5, improved: 5 });
		expect(tunis.meanPre).toBe(40);
		expect(tunis.meanFinal).toBe(60);
		expect(tunis.meanGain).toBe(20);
		expect(tunis.ci?.[0]).toBeCloseTo(11.2202, 3);
		expect(tunis.ci?.[1]).toBeCloseTo(28.7798, 3);
		expect(tunis.hake).toBeCloseTo(1 / 3, 10);
		expect(tunis.improvedShare).toBe(1);
		expect(tunis.completionRate).toBeCloseTo(5 / 6, 10);
	});

	it('with k = 5 hides small cells, the next smallest in their column, and rates built on them', () => {
		const r = report({ courseId }, ['governorate'], 5);
		const [tunis, sfax, none, all] = r.rows as [ReportRow, ReportRow, ReportRow, ReportRow];
		// Enrolled 6, 3, 1 (total 10): 3 and 1 are below 5.
		expect([tunis, sfax, none, all].map((row) => counts(row).enrolled)).toEqual([
			6,
			'hidden',
			'hidden',
			10
		]);
		// Women enrolled 3, 1, 1: all below 5, so Tunis's share of women is not shown.
		expect(tunis.counts.womenEnrolled.hidden).toBe(true);
		expect(tunis.womenEnrolledShare).toBeNull();
		expect(sfax.meanGain).toBeNull();
		expect(sfax.completionRate).toBeNull();
		// Paired 5, 1, 0 (total 6): Tunis is shown, so its means are.
		expect(tunis.meanGain).toBe(20);
	});

	it('puts "not stated" in its own category, "prefer not to say" included, and filters on it', () => {
		const bySex = report({ courseId }, ['sex']);
		expect(bySex.rows.map((row) => [row.keys[0], row.counts.enrolled.value])).toEqual([
			['man', 3],
			['woman', 5],
			['not-stated', 2],
			[null, 10]
		]);
		expect(total(report({ courseId, sex: 'not-stated' }).rows).counts.enrolled.value).toBe(2);
		expect(total(report({ courseId, governorate: 'not-stated' }).rows).counts.enrolled.value).toBe(
			1
		);
		expect(
			total(report({ courseId, position: 'elected-official' }).rows).counts.enrolled.value
		).toBe(3);
		expect(total(report({ courseId, position: 'not-stated' }).rows).counts.enrolled.value).toBe(7);
	});

	it('filters by enrolment month, both ends inclusive', () => {
		expect(total(report({ courseId, from: '2026-03' }).rows).counts.enrolled.value).toBe(5);
		expect(total(report({ courseId, to: '2026-01' }).rows).counts.enrolled.value).toBe(5);
		expect(
			total(report({ courseId, from: '2026-02', to: '2026-02' }).rows).counts.enrolled.value
		).toBe(0);
	});

	it('limits a trainer to their cohorts (scope), and breaks down by course', () => {
		const byCourse = report({}, ['course']);
		expect(byCourse.rows.map((row) => [row.keys[0], row.counts.enrolled.value])).toEqual([
			[String(courseId), 10],
			[String(otherCourseId), 1],
			[null, 11]
		]);
		// L1 is enrolled in both courses; a cohort of the other course counts that enrolment only.
		const other = cohortWith(otherCourseId, ['L1']);
		const scope = { cohorts: [other], courses: [otherCourseId] };
		const scoped = buildReport(t.db, { filter: {}, scope, breakdown: ['course'], k: 1 });
		expect(scoped.rows.map((row) => [row.keys[0], row.counts.enrolled.value])).toEqual([
			[String(otherCourseId), 1],
			[null, 1]
		]);
		const noCohort = { cohorts: [], courses: [] };
		const none = buildReport(t.db, { filter: {}, scope: noCohort, breakdown: [], k: 2 });
		expect(total(none.rows).counts.enrolled).toEqual({ value: 0, hidden: true });
	});

	it('filters by cohort: its members, in its course only', () => {
		const c = cohortWith(courseId, ['L1', 'L2', 'L7', 'L10']);
		expect(total(report({ cohortId: c }).rows).counts.enrolled.value).toBe(4);
		expect(total(report({ cohortId: c }).rows).counts.certified.value).toBe(2);
	});

	it('two-way breakdown: cells, subtotals per row and column, grand total, no line leaking one hidden cell', () => {
		const r = report({ courseId }, ['governorate', 'sex'], 5);
		const keyed = new Map(r.rows.map((row) => [row.keys.join('|'), row]));
		expect(keyed.get('TN-11|')?.counts.enrolled).toEqual({ value: 6, hidden: false });
		expect(keyed.get('|woman')?.counts.enrolled).toEqual({ value: 5, hidden: false });
		expect(keyed.get('|')?.counts.enrolled).toEqual({ value: 10, hidden: false });
		// Each cell of Tunis is below 5, so all of them are hidden.
		for (const sex of ['woman', 'man', 'not-stated'])
			expect(keyed.get(`TN-11|${sex}`)?.counts.enrolled.hidden).toBe(true);
	});

	it('refuses bad filter values as a 400 choice error, and reads a good query', () => {
		expect(() => parseReportQuery(new URLSearchParams('from=2026-13-45'))).toThrow(
			'report_period_invalid'
		);
		expect(() => parseReportQuery(new URLSearchParams('sex=other'))).toThrow('invalid_choice');
		expect(() => parseReportQuery(new URLSearchParams('by=name'))).toThrow('invalid_choice');
		expect(parseReportQuery(new URLSearchParams('governorate=TN-11&sex=&by=sex&by2=sex'))).toEqual({
			filter: { governorate: 'TN-11' },
			breakdown: ['sex']
		});
	});
});

describe('report scope (who sees whose figures)', () => {
	it('gives partners and admins every course, a trainer the cohorts they run, a learner none', async () => {
		const { createUser } = await import('../../../src/lib/server/accounts/users.ts');
		const { assignCourseTrainer } = await import('../../../src/lib/server/courses/trainers.ts');
		const { reportScope } = await import('../../../src/lib/server/access/index.ts');
		const make = (email: string, role: 'trainer' | 'partner' | 'learner') =>
			createUser(t.db, {
				email,
				name: email,
				password: 'a long passphrase',
				locale: 'fr',
				role,
				position: null,
				governorateId: null,
				municipalityId: null,
				gender: null
			});
		const trainer = await make('scope-trainer@example.tn', 'trainer');
		const partner = await make('scope-partner@example.tn', 'partner');
		const learner = await make('scope-learner@example.tn', 'learner');
		assignCourseTrainer(t.db, { actorId: trainer.id, courseId: otherCourseId, userId: trainer.id });
		// A course trainer running no cohort sees no one's figures; then the cohort's.
		expect(reportScope(t.db, trainer)).toEqual({ cohorts: [], courses: [] });
		const { createCohort } = await import('../../../src/lib/server/cohorts/cohorts.ts');
		const c = createCohort(t.db, {
			actor: trainer,
			courseId: otherCourseId,
			input: { name: 'Scope cohort' }
		});
		expect(reportScope(t.db, trainer)).toEqual({ cohorts: [c.id], courses: [otherCourseId] });
		expect(reportScope(t.db, partner)).toBe('all');
		expect(reportScope(t.db, learner)).toBeNull();
	});
});
