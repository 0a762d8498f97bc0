// The cohort dashboard: one row per learner, one cell per module. A fixed handful of grouped
// queries whatever the cohort's size (no query per learner), joined in memory by key.
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { isAssignmentSlug } from '../courses/assignments.ts';
import {
	certificate,
	cohortMember,
	lesson,
	lessonProgress,
	module,
	quiz,
	quizAttempt,
	user
} from '../db/schema/index.ts';
import type { Localised } from '../text/localised.ts';

export type ModuleCell = {
	lessonsDone: number;
	/** Best submitted percentage on the module's quiz; null when none or no quiz. */
	best: number | null;
	passed: boolean;
	/** Submitted attempts at the module's quiz. */
	attempts: number;
};

export type LearnerRow = {
	userId: string;
	name: string;
	email: string;
	joinedAt: Date;
	lastActivity: Date | null;
	cells: ModuleCell[];
	finalBest: number | null;
	started: boolean;
	completed: boolean;
	certified: boolean;
	atRisk: 'inactive' | 'no_attempts_left' | null;
};

export type Overview = {
	modules: { id: number; slug: string; title: Localised; lessons: number; hasQuiz: boolean }[];
	rows: LearnerRow[];
	totals: {
		enrolled: number;
		started: number;
		active7: number;
		completed: number;
		certified: number;
	};
};

const DAY_MS = 86_400_000;
const key = (a: string, b: number) => `${a}\u0000${b}`;

/** Everything the dashboard shows for one cohort; `riskDays` without activity marks a learner. */
export function cohortOverview(
	db: Db,
	{
		cohortId,
		courseId,
		riskDays = 14,
		now = new Date()
	}: { cohortId: number; courseId: number; riskDays?: number; now?: Date }
): Overview {
	const members = db
		.select({
			userId: user.id,
			name: user.name,
			email: user.email,
			joinedAt: cohortMember.joinedAt
		})
		.from(cohortMember)
		.innerJoin(user, eq(user.id, cohortMember.userId))
		.where(eq(cohortMember.cohortId, cohortId))
		.orderBy(asc(user.name))
		.all();
	const mods = db
		.select({
			id: module.id,
			slug: module.slug,
			title: module.title,
			// Qualified by hand: drizzle writes bare column names inside a select list.
			lessons: sql<number>`(select count(*) from lesson l where l.module_id = "module"."id" and l.archived = 0)`
		})
		.from(module)
		.where(and(eq(module.courseId, courseId), eq(module.archived, false)))
		.orderBy(asc(module.position))
		.all();
	const quizzes = db
		.select({ id: quiz.id, slug: quiz.slug, moduleId: quiz.moduleId, settings: quiz.settings })
		.from(quiz)
		.where(and(eq(quiz.courseId, courseId), eq(quiz.archived, false)))
		.all();
	const inCohort = sql`in (select ${cohortMember.userId} from ${cohortMember} where ${cohortMember.cohortId} = ${cohortId})`;

	const lessonsDone = db
		.select({
			userId: lessonProgress.userId,
			moduleId: lesson.moduleId,
			done: sql<number>`count(${lessonProgress.completedAt})`,
			last: sql<number | null>`max(${lessonProgress.lastOpenedAt})`
		})
		.from(lessonProgress)
		.innerJoin(lesson, eq(lesson.id, lessonProgress.lessonId))
		.innerJoin(module, eq(module.id, lesson.moduleId))
		.where(
			and(
				eq(module.courseId, courseId),
				eq(lesson.archived, false),
				sql`${lessonProgress.userId} ${inCohort}`
			)
		)
		.groupBy(lessonProgress.userId, lesson.moduleId)
		.all();
	const attempts = db
		.select({
			userId: quizAttempt.userId,
			quizId: quizAttempt.quizId,
			best: sql<number | null>`max(${quizAttempt.percentage})`,
			passed: sql<number | null>`max(${quizAttempt.passed})`,
			submitted: sql<number>`count(${quizAttempt.submittedAt})`,
			last: sql<number | null>`max(coalesce(${quizAttempt.submittedAt}, ${quizAttempt.startedAt}))`
		})
		.from(quizAttempt)
		.innerJoin(quiz, eq(quiz.id, quizAttempt.quizId))
		.where(
			and(
				eq(quiz.courseId, courseId),
				eq(quizAttempt.kind, 'attempt'),
				sql`${quizAttempt.userId} ${inCohort}`
			)
		)
		.groupBy(quizAttempt.userId, quizAttempt.quizId)
		.all();
	const certified = new Set(
		db
			.select({ userId: certificate.userId })
			.from(certificate)
			.where(
				and(
					eq(certificate.courseId, courseId),
					isNull(certificate.revokedAt),
					isNotNull(certificate.userId),
					sql`${certificate.userId} ${inCohort}`
				)
			)
			.all()
			.map((r) => r.userId)
	);

	const progress = new Map(lessonsDone.map((r) => [key(r.userId, r.moduleId), r]));
	const tries = new Map(attempts.map((r) => [key(r.userId, r.quizId), r]));
	// A module's quiz, not its assignment (an essay quiz of the same module, marked by trainers).
	const quizOf = new Map(
		quizzes
			.filter((q) => q.moduleId !== null && !isAssignmentSlug(q.slug))
			.map((q) => [q.moduleId, q])
	);
	const final = quizzes.find((q) => q.slug === 'final');
	const lessonsTotal = mods.reduce((n, m) => n + m.lessons, 0);

	const rows = members.map((mb): LearnerRow => {
		let last = 0;
		let exhausted = false;
		const cells = mods.map((m) => {
			const p = progress.get(key(mb.userId, m.id));
			last = Math.max(last, p?.last ?? 0);
			const q = quizOf.get(m.id);
			const t = q ? tries.get(key(mb.userId, q.id)) : undefined;
			last = Math.max(last, t?.last ?? 0);
			const passed = t?.passed === 1;
			const attemptsMade = t?.submitted ?? 0;
			if (q && !passed && q.settings.attempts > 0 && attemptsMade >= q.settings.attempts)
				exhausted = true;
			return { lessonsDone: p?.done ?? 0, best: t?.best ?? null, passed, attempts: attemptsMade };
		});
		const f = final ? tries.get(key(mb.userId, final.id)) : undefined;
		last = Math.max(last, f?.last ?? 0);
		const finalPassed = !final || f?.passed === 1;
		if (
			final &&
			f &&
			!finalPassed &&
			final.settings.attempts > 0 &&
			f.submitted >= final.settings.attempts
		)
			exhausted = true;
		const done = cells.reduce((n, c) => n + c.lessonsDone, 0);
		const quizzesPassed = mods.every((m, i) => !quizOf.has(m.id) || cells[i]?.passed === true);
		const lastActivity = last > 0 ? new Date(last) : null;
		const since = (lastActivity ?? mb.joinedAt).getTime();
		return {
			...mb,
			lastActivity,
			cells,
			finalBest: f?.best ?? null,
			started: lastActivity !== null,
			completed: lessonsTotal > 0 && done >= lessonsTotal && quizzesPassed && finalPassed,
			certified: certified.has(mb.userId),
			atRisk: exhausted
				? 'no_attempts_left'
				: now.getTime() - since > riskDays * DAY_MS
					? 'inactive'
					: null
		};
	});
	const weekAgo = now.getTime() - 7 * DAY_MS;
	return {
		modules: mods.map((m) => ({ ...m, hasQuiz: quizOf.has(m.id) })),
		rows,
		totals: {
			enrolled: rows.length,
			started: rows.filter((r) => r.started).length,
			active7: rows.filter((r) => (r.lastActivity?.getTime() ?? 0) >= weekAgo).length,
			completed: rows.filter((r) => r.completed).length,
			certified: rows.filter((r) => r.certified).length
		}
	};
}
