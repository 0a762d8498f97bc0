// A synthetic cohort with full course activity, for the cohort bench and the statement-count
// test: learners inserted directly (no password hashing), then every lesson finished and every
// quiz taken through the real domain functions (seeded, so two runs build the same data). Each
// learner has an ability (the share of questions answered, the rest left empty), so item
// analysis has spread to work on and its discrimination is positive, as in a real cohort.
// Learners retake a failed module quiz (up to MODULE_TRIES times, as the course allows), so most
// pass them all and reach the final, which the gate opens only then (issue 11 #3).
import { DomainError } from '../../src/lib/server/errors.ts';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/index.ts';
import { course, quiz, quizAttempt, user } from '../../src/lib/server/db/schema/index.ts';
import { createCohort } from '../../src/lib/server/cohorts/cohorts.ts';
import { addMember } from '../../src/lib/server/cohorts/members.ts';
import { isAssignmentSlug } from '../../src/lib/server/courses/assignments.ts';
import {
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../src/lib/server/quiz/attempts/index.ts';
import { ISSUER, rightResponse } from '../integration/quiz/fixture.ts';
import { finishLessons } from './learning.ts';

/** A small seeded generator (mulberry32): the same data on every run. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Inserts a user row as the accounts module would, without hashing a password. */
export function insertUser(
	db: Db,
	{ email, name, role }: { email: string; name: string; role: 'learner' | 'trainer' | 'admin' }
) {
	const id = randomUUID();
	const now = new Date();
	db.insert(user)
		.values({
			id,
			email,
			name,
			passwordHash: 'synthetic',
			role,
			locale: 'ar',
			createdAt: now,
			updatedAt: now
		})
		.run();
	return id;
}

export type SyntheticCohort = {
	cohortId: number;
	courseId: number;
	trainerId: string;
	learnerIds: string[];
};

const MODULE_TRIES = 3;

/** One attempt, each question answered right when `answered()` says so (else left empty). */
function takeQuiz(
	db: Db,
	{ userId, quizId, answered }: { userId: string; quizId: number; answered: () => boolean }
) {
	let attempt: { id: number };
	try {
		attempt = startAttempt(db, { issuer: ISSUER, userId, quizId, locale: 'ar' });
	} catch (e) {
		if (e instanceof DomainError && e.code === 'final_locked') return 'locked';
		throw e;
	}
	const row = db.select().from(quizAttempt).where(eq(quizAttempt.id, attempt.id)).get()!;
	for (const { question } of row.questions) {
		if (question.type === 'description' || !answered()) continue;
		saveAnswer(db, {
			issuer: ISSUER,
			attemptId: attempt.id,
			userId,
			questionId: question.id,
			response: rightResponse(question, 'ar')
		});
	}
	return submitAttempt(db, { issuer: ISSUER, attemptId: attempt.id, userId });
}

/** A cohort of `learners` members of `courseSlug`, each with every lesson and quiz done (failed module quizzes retaken). */
export function seedCohort(
	db: Db,
	{ courseSlug, learners, seed = 1 }: { courseSlug: string; learners: number; seed?: number }
): SyntheticCohort {
	const rnd = random(seed);
	const courseId = db
		.select({ id: course.id })
		.from(course)
		.where(eq(course.slug, courseSlug))
		.get()!.id;
	const trainerId = insertUser(db, {
		email: `trainer-${seed}@example.tn`,
		name: 'مكوّنة',
		role: 'trainer'
	});
	const c = createCohort(db, {
		actor: { id: trainerId, role: 'trainer', email: '' },
		courseId,
		input: { name: `Synthetic ${seed}` }
	});
	const quizzes = db
		.select()
		.from(quiz)
		.where(and(eq(quiz.courseId, courseId), eq(quiz.archived, false)))
		.all()
		// The final opens once the module quizzes are passed (issue 11 #3): it comes last.
		.sort((a, b) => Number(a.slug === 'final') - Number(b.slug === 'final'));
	const learnerIds: string[] = [];
	for (let n = 0; n < learners; n++) {
		const userId = insertUser(db, {
			email: `learner-${seed}-${n}@example.tn`,
			name: `متعلم ${n}`,
			role: 'learner'
		});
		learnerIds.push(userId);
		addMember(db, { cohortId: c.id, userId, method: 'picked', actorId: trainerId });
		finishLessons(db, { userId, courseId });
		const ability = 0.6 + 0.4 * rnd();
		for (const q of quizzes) {
			const tries = q.moduleId !== null && !isAssignmentSlug(q.slug) ? MODULE_TRIES : 1;
			for (let t = 0; t < tries; t++) {
				const result = takeQuiz(db, { userId, quizId: q.id, answered: () => rnd() < ability });
				// A learner who failed a module quiz never reaches the final, as in a real cohort.
				if (result === 'locked' || result.passed !== false) break;
			}
		}
	}
	return { cohortId: c.id, courseId, trainerId, learnerIds };
}
