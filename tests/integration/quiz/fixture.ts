// A course with one quiz built straight in the database, so each test picks its own settings.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db/index.ts';
import { schema } from '../../../src/lib/server/db/index.ts';
import type { QuizSettings, VersionMeta } from '../../../src/lib/server/courses/types.ts';
import { DomainError } from '../../../src/lib/server/errors.ts';
import { answerKey } from '../../../src/lib/server/quiz/attempts/answers.ts';
import { markContentChanged } from '../../helpers/content.ts';
import type { Question } from '../../../src/lib/server/quiz/types.ts';

const { course, courseVersion, enrolment, question, quiz, user } = schema;
const T0 = new Date('2026-03-01T09:00:00Z');

/** The issuer of any certificate a test's result earns (the configuration's defaults). */
export const ISSUER = { certificateIssuer: 'Tamkeen', certificateSignatories: [] };

export const minutes = (n: number, from = T0) => new Date(from.getTime() + n * 60_000);
export { T0 };

let users = 0;
/** A learner (or trainer) row; returns its id. */
export function addUser(db: Db): string {
	const id = `user-${++users}`;
	db.insert(user)
		.values({
			id,
			email: `${id}@example.tn`,
			name: id,
			passwordHash: 'x',
			createdAt: T0,
			updatedAt: T0
		})
		.run();
	return id;
}

export const SETTINGS: QuizSettings = {
	title: { fr: 'Quiz' },
	passMark: 50,
	attempts: 0,
	cooldownMinutes: 0,
	timeLimitMinutes: 0,
	shuffleQuestions: true,
	shuffleOptions: true,
	draw: null,
	feedback: 'after-submit',
	showAnswers: 'after-submit',
	mastery: null
};

let courses = 0;
/** A course with a final quiz of `questions`; `pretest` goes in the course metadata. */
export function addQuiz(
	db: Db,
	{
		settings = {},
		questions,
		pretest = null
	}: { settings?: Partial<QuizSettings>; questions: Question[]; pretest?: number | null }
): { courseId: number; quizId: number } {
	// Only the pass mark and the pre-test size matter here; the rest is what course.yaml requires.
	const META: VersionMeta = {
		version: '1.0.0',
		locales: ['fr'],
		glossary: [],
		theme: 'other',
		level: 'introductory',
		hours: 1,
		authors: [],
		licence: 'CC-BY-4.0',
		reviewed: '2026-01-01',
		evidence: null,
		published: true,
		enrolmentKey: null,
		trainers: [],
		title: { fr: 'Cours' },
		summary: {},
		audience: {},
		outcomes: {},
		completion: { lessons: 'all', moduleQuizzes: 'none', passMark: 70, certificate: 'completion' },
		pretest: null
	};
	const courseId = db
		.insert(course)
		.values({ slug: `course-${++courses}`, contentHash: 'h', createdAt: T0, updatedAt: T0 })
		.returning()
		.get().id;
	const versionId = db
		.insert(courseVersion)
		.values({
			courseId,
			version: '1.0.0',
			contentHash: 'h',
			metadata: { ...META, pretest },
			createdAt: T0
		})
		.returning()
		.get().id;
	db.update(course).set({ currentVersionId: versionId }).where(eq(course.id, courseId)).run();
	const quizId = db
		.insert(quiz)
		.values({ courseId, slug: 'final', settings: { ...SETTINGS, ...settings } })
		.returning()
		.get().id;
	questions.forEach((q, position) =>
		db
			.insert(question)
			.values({ quizId, questionId: q.id, position, type: q.type, points: q.points, body: q.body })
			.run()
	);
	markContentChanged(db);
	return { courseId, quizId };
}

export function enrolIn(db: Db, userId: string, courseId: number): void {
	db.insert(enrolment).values({ userId, courseId, enrolledAt: T0, lastActiveAt: T0 }).run();
}

/** A response that earns full marks, built from the answer key the review would show. */
export function rightResponse(q: Question, locale: 'ar' | 'fr' | 'en'): unknown {
	const key = answerKey(q, locale) as never;
	// The review's answer to a short question is one human answer (its display), not the patterns.
	if (q.type === 'short') return key;
	// An essay has no key: any answer long enough for its minWords (assignments ask up to 300).
	if (q.type === 'essay') return Array.from({ length: 320 }, (_, i) => `mot${String(i)}`).join(' ');
	if (q.type === 'numeric') {
		const k = key as { answer?: number; min?: number };
		return String(k.answer ?? k.min);
	}
	return key;
}

/** What a call was refused with: the DomainError's code, with its numbers when it has some. */
export function refusal(fn: () => unknown): { code: string; details?: Record<string, number> } {
	try {
		fn();
	} catch (e) {
		if (e instanceof DomainError)
			return Object.keys(e.details).length
				? { code: e.code, details: e.details }
				: { code: e.code };
		throw e;
	}
	return { code: 'no error' };
}

export const codeOf = (fn: () => unknown): string => refusal(fn).code;

/** A learner enrolled in a fresh course whose final quiz holds `questions`. */
export function learnerWithQuiz(
	db: Db,
	questions: Question[],
	settings: Partial<QuizSettings> = {}
): { courseId: number; quizId: number; userId: string } {
	const { courseId, quizId } = addQuiz(db, { questions, settings });
	const userId = addUser(db);
	enrolIn(db, userId, courseId);
	return { courseId, quizId, userId };
}
