// What one synthetic enrolment did: lessons opened and completed in order, module quizzes after
// each finished module, a pre-test and final attempts that mostly improve, a certificate when
// the course's rule would give one. Pure: a course shape and a random source in, rows out.
import type { Random } from './random.ts';

export type QuizShape = { id: number; questionIds: string[]; draw: number };
export type CourseShape = {
	id: number;
	modules: { lessonIds: number[]; quiz: QuizShape | null }[];
	final: QuizShape | null;
	passMark: number;
};

export type PlannedAttempt = {
	quiz: QuizShape;
	kind: 'attempt' | 'pretest';
	at: number;
	/** The questions drawn, each answered right or wrong. */
	answers: { questionId: string; correct: boolean }[];
	percentage: number;
	passed: boolean;
};

export type Activity = {
	progress: { lessonId: number; first: number; last: number; completed: number | null }[];
	attempts: PlannedAttempt[];
	certifiedAt: number | null;
};

const HOUR = 3_600_000;

/** One enrolment's activity from its start (ms), for a learner of ability `ability` (≈ N(0, 1)). */
export function planActivity(rnd: Random, course: CourseShape, start: number, ability: number) {
	const out: Activity = { progress: [], attempts: [], certifiedAt: null };
	let t = start + rnd.int(0, 72) * HOUR;
	const attempt = (quiz: QuizShape, kind: PlannedAttempt['kind'], target: number) => {
		const n = Math.min(quiz.draw, quiz.questionIds.length);
		const right = Math.round((Math.max(0, Math.min(100, target)) / 100) * n);
		const offset = rnd.int(0, quiz.questionIds.length - 1);
		const answers = Array.from({ length: n }, (_, i) => ({
			questionId: quiz.questionIds[(offset + i) % quiz.questionIds.length] ?? '',
			correct: i < right
		}));
		const percentage = n ? (100 * right) / n : 0;
		const a = { quiz, kind, at: t, answers, percentage, passed: percentage >= course.passMark };
		out.attempts.push(a);
		t += rnd.int(1, 48) * HOUR;
		return a;
	};
	const pre = 45 + 12 * ability;
	if (course.final && rnd.chance(0.7)) attempt(course.final, 'pretest', pre + rnd.normal(0, 8));
	if (!rnd.chance(0.85)) return out;
	const total = course.modules.reduce((n, m) => n + m.lessonIds.length, 0);
	const done = rnd.chance(0.5) ? total : rnd.int(1, total - 1);
	const opened = done + (done < total && rnd.chance(0.5) ? 1 : 0);
	let before = 0;
	let quizzesPassed = true;
	for (const mod of course.modules) {
		for (const [i, lessonId] of mod.lessonIds.entries()) {
			if (before + i >= opened) break;
			const first = t;
			t += rnd.int(1, 30) * HOUR;
			out.progress.push({ lessonId, first, last: t, completed: before + i < done ? t : null });
		}
		before += mod.lessonIds.length;
		// A module's quiz comes once all its lessons are completed.
		if (before > done) break;
		if (!mod.quiz) continue;
		// Completers keep trying until they pass; others give up after one or two tries.
		let a = attempt(mod.quiz, 'attempt', 68 + 12 * ability + rnd.normal(0, 12));
		for (let i = 0; !a.passed && i < 3 && (done === total || rnd.chance(0.5)); i++) {
			a = attempt(mod.quiz, 'attempt', a.percentage + 10 + rnd.normal(0, 6));
		}
		quizzesPassed &&= a.passed;
	}
	if (done < total || !course.final || !rnd.chance(0.9)) return out;
	// Most learners improve on their pre-test: a mean gain of about 18 points.
	let f = attempt(course.final, 'attempt', pre + rnd.normal(18, 12));
	for (let i = 0; !f.passed && i < 2 && rnd.chance(0.6); i++) {
		f = attempt(course.final, 'attempt', f.percentage + rnd.normal(6, 5));
	}
	if (
		quizzesPassed &&
		out.attempts.some((a) => a.kind === 'attempt' && a.quiz === course.final && a.passed)
	) {
		out.certifiedAt = t;
	}
	return out;
}
