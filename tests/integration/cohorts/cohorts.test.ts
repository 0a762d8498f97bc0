import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';
import { importCourse } from '../../../src/lib/server/courses/import/import-courses.ts';
import { assignCourseTrainer } from '../../../src/lib/server/courses/trainers.ts';
import {
	canCreateCohort,
	canRunCohort,
	canViewLearner,
	cohortStaff,
	learnerCohorts,
	visibleLearners
} from '../../../src/lib/server/access/cohorts.ts';
import { courseStaff } from '../../../src/lib/server/access/course-staff.ts';
import {
	createCohort,
	listCohorts,
	updateCohort
} from '../../../src/lib/server/cohorts/cohorts.ts';
import { addCohortTrainer } from '../../../src/lib/server/cohorts/trainers.ts';
import {
	createInvite,
	joinWithCode,
	revokeInvite
} from '../../../src/lib/server/cohorts/invites.ts';
import { cohortOverview } from '../../../src/lib/server/cohorts/overview.ts';
import { setDueDates, learnerDueDates } from '../../../src/lib/server/cohorts/due-dates.ts';
import { DomainError } from '../../../src/lib/server/errors.ts';
import {
	cohortInvite,
	cohortMember,
	course,
	enrolment,
	module
} from '../../../src/lib/server/db/schema/index.ts';
import { account } from './fixture.ts';

let t: TestDb;
let courseId: number;
type A = Awaited<ReturnType<typeof account>>;
let admin: A, runner: A, other: A, learner: A, second: A;

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		if (e instanceof DomainError) return e.code;
		throw e;
	}
	return 'ok';
};

beforeAll(async () => {
	t = createTestDb();
	expect(importCourse(t.db, { dir: 'courses/participatory-governance' }).status).toBe('created');
	courseId = t.db.select().from(course).get()!.id;
	admin = await account(t.db, 'admin@example.tn', 'admin');
	runner = await account(t.db, 'runner@example.tn', 'trainer');
	other = await account(t.db, 'other@example.tn', 'trainer');
	learner = await account(t.db, 'learner@example.tn');
	second = await account(t.db, 'second@example.tn');
	assignCourseTrainer(t.db, { actorId: admin.id, courseId, userId: runner.id });
	assignCourseTrainer(t.db, { actorId: admin.id, courseId, userId: other.id });
});
afterAll(() => {
	t.close();
});

describe('cohorts: who runs them and who sees their learners', () => {
	it('a course trainer opens a cohort and runs it; a trainer of the same course does not see its learners', () => {
		expect(canCreateCohort(runner, courseStaff(t.db, courseId))).toBe(true);
		expect(canCreateCohort(learner, courseStaff(t.db, courseId))).toBe(false);
		const c = createCohort(t.db, {
			actor: runner,
			courseId,
			input: { name: 'Sfax, printemps', startsOn: '2026-03-01', endsOn: '2026-05-31' }
		});
		const staff = cohortStaff(t.db, c.id)!;
		expect(canRunCohort(runner, staff)).toBe(true);
		expect(canRunCohort(admin, staff)).toBe(true);
		expect(canRunCohort(other, staff)).toBe(false);
		expect(listCohorts(t.db, runner).map((x) => x.name)).toEqual(['Sfax, printemps']);
		expect(listCohorts(t.db, other)).toEqual([]);

		const inv = createInvite(t.db, { actorId: runner.id, cohortId: c.id, days: 7, capacity: null });
		joinWithCode(t.db, { userId: learner.id, code: inv.code.toLowerCase() });
		// `other` trains the course (course_role) but not this cohort: no learner data.
		expect(canViewLearner(runner, learnerCohorts(t.db, { learnerId: learner.id, courseId }))).toBe(
			true
		);
		expect(canViewLearner(other, learnerCohorts(t.db, { learnerId: learner.id, courseId }))).toBe(
			false
		);
		expect(canViewLearner(admin, learnerCohorts(t.db, { learnerId: learner.id, courseId }))).toBe(
			true
		);
		expect(visibleLearners(t.db, other, courseId)).toEqual({ all: false, ids: new Set() });
		addCohortTrainer(t.db, { actorId: runner.id, cohortId: c.id, userId: other.id });
		expect(canViewLearner(other, learnerCohorts(t.db, { learnerId: learner.id, courseId }))).toBe(
			true
		);
	});

	it('refuses a second cohort of the same name in a course, and impossible dates', () => {
		const input = { name: 'SFAX, PRINTEMPS' };
		expect(code(() => createCohort(t.db, { actor: runner, courseId, input }))).toBe(
			'cohort_name_taken'
		);
		const bad = { name: 'Jendouba', startsOn: '2026-02-30' };
		expect(code(() => createCohort(t.db, { actor: runner, courseId, input: bad }))).toBe(
			'invalid_date'
		);
		const reversed = { name: 'Jendouba', startsOn: '2026-05-01', endsOn: '2026-04-01' };
		expect(code(() => createCohort(t.db, { actor: runner, courseId, input: reversed }))).toBe(
			'dates_out_of_order'
		);
		const c = createCohort(t.db, { actor: runner, courseId, input: { name: 'Jendouba' } });
		expect(code(() => updateCohort(t.db, { actorId: runner.id, cohortId: c.id, input }))).toBe(
			'cohort_name_taken'
		);
	});
});

describe('join codes', () => {
	it('joining enrols in the course; joining again uses no place; a full, expired or withdrawn code is refused and writes nothing', async () => {
		const c = createCohort(t.db, { actor: runner, courseId, input: { name: 'Capacité' } });
		const now = new Date('2026-03-01T10:00:00Z');
		const inv = createInvite(t.db, {
			actorId: runner.id,
			cohortId: c.id,
			days: 2,
			capacity: 1,
			now
		});
		const joined = joinWithCode(t.db, {
			userId: second.id,
			code: `${inv.code.slice(0, 5)}-${inv.code.slice(5)}`,
			now
		});
		expect(joined).toMatchObject({ cohortId: c.id, joined: true });
		expect(t.db.select().from(enrolment).where(eq(enrolment.userId, second.id)).all()).toHaveLength(
			1
		);
		expect(joinWithCode(t.db, { userId: second.id, code: inv.code, now }).joined).toBe(false);
		const late = await account(t.db, 'late@example.tn');
		expect(code(() => joinWithCode(t.db, { userId: late.id, code: inv.code, now }))).toBe(
			'join_code_full'
		);
		const open = createInvite(t.db, {
			actorId: runner.id,
			cohortId: c.id,
			days: 1,
			capacity: null,
			now
		});
		const later = new Date(now.getTime() + 2 * 86_400_000);
		expect(code(() => joinWithCode(t.db, { userId: late.id, code: open.code, now: later }))).toBe(
			'join_code_expired'
		);
		revokeInvite(t.db, { actorId: runner.id, cohortId: c.id, inviteId: open.id, now });
		expect(code(() => joinWithCode(t.db, { userId: late.id, code: open.code, now }))).toBe(
			'join_code_revoked'
		);
		expect(code(() => joinWithCode(t.db, { userId: late.id, code: 'NOSUCHCODE', now }))).toBe(
			'join_code_unknown'
		);
		expect(
			t.db
				.select()
				.from(cohortMember)
				.where(and(eq(cohortMember.cohortId, c.id), eq(cohortMember.userId, late.id)))
				.all()
		).toEqual([]);
		expect(t.db.select().from(enrolment).where(eq(enrolment.userId, late.id)).all()).toEqual([]);
		expect(
			t.db.select().from(cohortInvite).where(eq(cohortInvite.id, inv.id)).get()!.usedCount
		).toBe(1);
	});
});

describe('cohort overview', () => {
	it('counts enrolled, started, active, completed and certified learners, and flags the inactive', async () => {
		const c = createCohort(t.db, { actor: runner, courseId, input: { name: 'Tableau' } });
		const inv = createInvite(t.db, {
			actorId: runner.id,
			cohortId: c.id,
			days: 30,
			capacity: null
		});
		const busy = await account(t.db, 'busy@example.tn');
		const idle = await account(t.db, 'idle@example.tn');
		const past = new Date(Date.now() - 30 * 86_400_000);
		joinWithCode(t.db, { userId: busy.id, code: inv.code });
		joinWithCode(t.db, { userId: idle.id, code: inv.code, now: past });
		finishLessons(t.db, { userId: busy.id, courseId });
		passAllQuizzes(t.db, { userId: busy.id, courseId, locale: 'en' });

		const o = cohortOverview(t.db, { cohortId: c.id, courseId });
		expect(o.totals).toEqual({ enrolled: 2, started: 1, active7: 1, completed: 1, certified: 1 });
		const byName = Object.fromEntries(o.rows.map((r) => [r.name, r]));
		expect(byName.busy!.atRisk).toBeNull();
		expect(byName.idle!.atRisk).toBe('inactive');
		expect(byName.idle!.cells.every((x) => x.lessonsDone === 0 && x.best === null)).toBe(true);
		const lessons = o.modules.map((m) => m.lessons);
		expect(byName.busy!.cells.map((x) => x.lessonsDone)).toEqual(lessons);
		expect(
			byName
				.busy!.cells.filter((x, i) => o.modules[i]!.hasQuiz)
				.every((x) => x.passed && x.best === 100)
		).toBe(true);
		// A learner of the course outside the cohort is not in its grid.
		expect(o.rows.map((r) => r.name).sort()).toEqual(['busy', 'idle']);
	});

	it('due dates reach the members of the cohort, the earliest when two cohorts disagree', () => {
		const mods = t.db.select().from(module).where(eq(module.courseId, courseId)).all();
		const [a] = listCohorts(t.db, runner).filter((x) => x.name === 'Sfax, printemps');
		const [b] = listCohorts(t.db, runner).filter((x) => x.name === 'Capacité');
		const m1 = mods[0]!.id;
		setDueDates(t.db, {
			actorId: runner.id,
			cohortId: a!.id,
			dates: new Map([[m1, '2026-04-10']])
		});
		expect(learnerDueDates(t.db, { userId: learner.id, courseId }).get(m1)).toBe('2026-04-10');
		expect(learnerDueDates(t.db, { userId: second.id, courseId }).size).toBe(0);
		setDueDates(t.db, {
			actorId: runner.id,
			cohortId: b!.id,
			dates: new Map([[m1, '2026-04-01']])
		});
		expect(learnerDueDates(t.db, { userId: second.id, courseId }).get(m1)).toBe('2026-04-01');
		expect(
			code(() => {
				setDueDates(t.db, {
					actorId: runner.id,
					cohortId: a!.id,
					dates: new Map([[999999, '2026-04-01']])
				});
			})
		).toBe('invalid_choice');
	});
});
