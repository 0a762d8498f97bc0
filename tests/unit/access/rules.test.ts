import { describe, expect, it } from 'vitest';
import {
	canAssignCourseTrainers,
	canChangeRoles,
	canContinueAttempt,
	canDownloadCertificate,
	canExportQuiz,
	canGrade,
	canReadUnpublished,
	canReviewAttempt,
	canRevokeCertificate,
	canViewReports,
	canViewResults,
	lessonAccess,
	type Actor,
	type CohortStaff,
	type CourseStaff
} from '../../../src/lib/server/access/index.ts';

// Every rule against every kind of actor: role × ownership.
const admin: Actor = { id: 'a', role: 'admin', email: 'admin@example.tn' };
const namedTrainer: Actor = { id: 'n', role: 'trainer', email: 'Named@Example.tn' };
const assignedTrainer: Actor = { id: 't', role: 'trainer', email: 'assigned@example.tn' };
const otherTrainer: Actor = { id: 'o', role: 'trainer', email: 'other@example.tn' };
const learner: Actor = { id: 'l', role: 'learner', email: 'learner@example.tn' };
// A learner whose email or id is on the list (e.g. demoted since) is still not a trainer.
const demoted: Actor = { id: 't', role: 'learner', email: 'named@example.tn' };
const visitor: Actor = null;
const stranger: Actor = { id: 'x', role: 'learner', email: 'x@example.tn' };

const staff: CourseStaff = { courseId: 1, trainerEmails: ['named@example.tn'], trainerIds: ['t'] };

describe('course staff rules (results, GIFT export)', () => {
	const cases: [string, Actor, boolean][] = [
		['admin', admin, true],
		['trainer named in course.yaml (any case)', namedTrainer, true],
		['trainer assigned by an admin', assignedTrainer, true],
		['trainer of another course', otherTrainer, false],
		['learner', learner, false],
		['learner listed as trainer (role removed)', demoted, false],
		['visitor', visitor, false]
	];
	it.each(cases)('canViewResults: %s → %s', (_, actor, expected) => {
		expect(canViewResults(actor, staff)).toBe(expected);
	});
	it.each(cases)('canExportQuiz: %s → %s', (_, actor, expected) => {
		expect(canExportQuiz(actor, staff)).toBe(expected);
	});
	it('a course with no trainers is for admins only', () => {
		const none: CourseStaff = { courseId: 2, trainerEmails: [], trainerIds: [] };
		expect(canViewResults(namedTrainer, none)).toBe(false);
		expect(canViewResults(admin, none)).toBe(true);
	});
});

describe('attempt rules', () => {
	const mine = { userId: 'l' };
	const trainersOwn = { userId: 't' };
	// The learner's cohorts of the course: one run by the assigned trainer. The named trainer
	// trains the course (course.yaml) but runs none of this learner's cohorts.
	const cohorts: CohortStaff[] = [{ cohortId: 1, courseId: 1, trainerIds: ['t'] }];
	it('only the learner whose attempt it is continues it, admins included', () => {
		expect(canContinueAttempt(learner, mine)).toBe(true);
		expect(canContinueAttempt(admin, mine)).toBe(false);
		expect(canContinueAttempt(assignedTrainer, mine)).toBe(false);
		expect(canContinueAttempt(visitor, mine)).toBe(false);
	});
	it('the learner, admins and the trainers of the learner’s cohorts review an attempt; a course trainer outside them does not', () => {
		expect(canReviewAttempt(learner, mine, cohorts)).toBe(true);
		expect(canReviewAttempt(admin, mine, cohorts)).toBe(true);
		expect(canReviewAttempt(assignedTrainer, mine, cohorts)).toBe(true);
		expect(canReviewAttempt(namedTrainer, mine, cohorts)).toBe(false);
		expect(canReviewAttempt(otherTrainer, mine, cohorts)).toBe(false);
		expect(canReviewAttempt(stranger, mine, cohorts)).toBe(false);
		expect(canReviewAttempt(visitor, mine, cohorts)).toBe(false);
		expect(canReviewAttempt(assignedTrainer, mine, [])).toBe(false);
	});
	it('admins and cohort trainers grade, never their own attempt; learners and other trainers never', () => {
		expect(canGrade(admin, mine, cohorts)).toBe(true);
		expect(canGrade(assignedTrainer, mine, cohorts)).toBe(true);
		expect(canGrade(namedTrainer, mine, cohorts)).toBe(false);
		expect(canGrade(assignedTrainer, trainersOwn, cohorts)).toBe(false);
		expect(canGrade(otherTrainer, mine, cohorts)).toBe(false);
		expect(canGrade(learner, mine, cohorts)).toBe(false);
		expect(canGrade(visitor, mine, cohorts)).toBe(false);
		// A demoted trainer keeps no reach through the cohorts they ran.
		expect(canGrade(demoted, mine, cohorts)).toBe(false);
	});
});

describe('certificate rules', () => {
	const cert = { userId: 'l' };
	it('the holder and admins download; no one else', () => {
		expect(canDownloadCertificate(learner, cert)).toBe(true);
		expect(canDownloadCertificate(admin, cert)).toBe(true);
		expect(canDownloadCertificate(assignedTrainer, cert)).toBe(false);
		expect(canDownloadCertificate(stranger, cert)).toBe(false);
		expect(canDownloadCertificate(visitor, cert)).toBe(false);
	});
	it('only admins revoke', () => {
		expect([admin, namedTrainer, learner, visitor].map(canRevokeCertificate)).toEqual([
			true,
			false,
			false,
			false
		]);
	});
});

describe('admin rules', () => {
	it('only admins change roles and assign course trainers', () => {
		const actors = [admin, namedTrainer, learner, visitor];
		expect(actors.map(canChangeRoles)).toEqual([true, false, false, false]);
		expect(actors.map(canAssignCourseTrainers)).toEqual([true, false, false, false]);
	});
});

describe('reading as staff', () => {
	it('trainers and admins read unpublished courses; learners and visitors do not', () => {
		expect([admin, otherTrainer, learner, visitor].map(canReadUnpublished)).toEqual([
			true,
			true,
			false,
			false
		]);
	});
	it('lessons: staff read all, enrolled learners read, the first lesson is a preview', () => {
		const at = (role: 'admin' | 'trainer' | 'learner' | null, enrolled: boolean, first: boolean) =>
			lessonAccess({ role, enrolled, isFirstLesson: first });
		expect(at('trainer', false, false)).toBe('read');
		expect(at('admin', false, false)).toBe('read');
		expect(at('learner', true, false)).toBe('read');
		expect(at('learner', false, true)).toBe('preview');
		expect(at('learner', false, false)).toBe('enrol');
		expect(at(null, false, false)).toBe('signin');
		expect(at(null, false, true)).toBe('preview');
	});
});

describe('aggregate reports', () => {
	const partner: Actor = { id: 'p', role: 'partner', email: 'partner@example.tn' };
	it('are for partners, admins and trainers; never learners or visitors', () => {
		expect([partner, admin, otherTrainer].map(canViewReports)).toEqual([true, true, true]);
		expect([learner, demoted, visitor].map(canViewReports)).toEqual([false, false, false]);
	});

	it('do not make a partner staff of any course', () => {
		expect(canViewResults(partner, staff)).toBe(false);
		expect(canReadUnpublished(partner)).toBe(false);
	});
});
