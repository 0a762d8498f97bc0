// Issue 13: the cohort overview and its item analysis run a fixed number of SQL statements
// whatever the cohort's size, counted on the real database as better-sqlite3 executes them.
// A query per learner or per module (N+1) makes the larger cohort cost more and fails this.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../../src/lib/server/db/index.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { cohortOverview } from '../../../src/lib/server/cohorts/overview.ts';
import { courseQuizAnalysis } from '../../../src/lib/server/quiz/analysis/report.ts';
import { seedCohort, type SyntheticCohort } from '../../helpers/synthetic-cohort.ts';

let db: Db;
let dir: string;
let log: string[] = [];
let small: SyntheticCohort, large: SyntheticCohort;

beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-cohort-count-'));
	db = createDb(path.join(dir, 'test.db'), { onStatement: (sql) => log.push(sql) });
	importCourses(db, { dir: 'courses' });
	small = seedCohort(db, { courseSlug: 'participatory-governance', learners: 2, seed: 1 });
	large = seedCohort(db, { courseSlug: 'participatory-governance', learners: 9, seed: 2 });
}, 120_000);
afterAll(() => {
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

function counted(run: () => unknown): number {
	run();
	log = [];
	run();
	const n = log.length;
	log = [];
	return n;
}

describe('statements for a cohort, whatever its size', () => {
	it('the overview runs the same few statements for 2 learners and for 9', () => {
		const overview = (c: SyntheticCohort) => () =>
			cohortOverview(db, { cohortId: c.cohortId, courseId: c.courseId });
		const few = counted(overview(small));
		expect(counted(overview(large))).toBe(few);
		expect(few).toBeLessThanOrEqual(12);
	});

	it('item analysis of one cohort runs the same statements for 2 learners and for 9', () => {
		const analysis = (c: SyntheticCohort) => () =>
			courseQuizAnalysis(db, {
				courseId: c.courseId,
				quizSlug: 'foundations',
				locales: ['ar'],
				learners: c.learnerIds
			});
		expect(counted(analysis(large))).toBe(counted(analysis(small)));
	});
});
