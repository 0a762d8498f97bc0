// Fills a migrated database, its courses imported, with synthetic learners and what they did:
// bulk inserts through prepared statements, one transaction per batch of learners.
import type { Db } from '../db/index.ts';
import { planActivity } from './activity.ts';
import { courseShapes } from './shapes.ts';
import { drawLearner } from './population.ts';
import { createRandom } from './random.ts';

export type FillCounts = Record<
	'users' | 'enrolments' | 'cohortMembers' | 'progress' | 'attempts' | 'answers' | 'certificates',
	number
>;

const DAY = 86_400_000;
/** Most learners follow one course, some two or all three. */
const COURSE_COUNTS = [
	['1', 65],
	['2', 25],
	['3', 10]
] as const;
/** Enrolments spread over 2025-01-01 .. 2026-10-31 (fixed, so a seed gives the same file). */
const FIRST = Date.UTC(2025, 0, 1);
const SPAN = Date.UTC(2026, 9, 31) - FIRST;

/**
 * Adds `learners` synthetic learners (ids `syn-…`, no usable password) with enrolments, cohort
 * memberships, lesson progress, attempts with answers and certificates; the same seed gives the
 * same rows. `onBatch` hears the learners written so far.
 */
export function fillSynthetic(
	db: Db,
	opts: { learners: number; seed: number; batch?: number; onBatch?: (done: number) => void }
): FillCounts {
	const c = db.$client;
	if (c.prepare("select 1 from user where id like 'syn-%' limit 1").get()) {
		throw new Error('this database already holds synthetic learners: use a fresh file');
	}
	const rnd = createRandom(opts.seed);
	const courses = courseShapes(db);
	const places = c.prepare('select id, governorate_id as gov from municipality').all() as {
		id: number;
		gov: string;
	}[];
	const now = FIRST + SPAN;
	const cohortOf = new Map<string, number | bigint>();
	const addCohort = c.prepare(
		'insert into cohort (course_id, name, governorate_id, created_at, updated_at) values (?, ?, ?, ?, ?)'
	);
	for (const course of courses) {
		for (const gov of new Set(places.map((p) => p.gov))) {
			cohortOf.set(
				`${String(course.id)}/${gov}`,
				addCohort.run(course.id, `Synthetic ${gov}`, gov, FIRST, FIRST).lastInsertRowid
			);
		}
	}
	const ins = {
		user: c.prepare(
			"insert into user (id, email, name, password_hash, role, locale, position, governorate_id, municipality_id, gender, created_at, updated_at) values (?, ?, ?, 'synthetic: no login', 'learner', ?, ?, ?, ?, ?, ?, ?)"
		),
		enrolment: c.prepare(
			'insert into enrolment (user_id, course_id, enrolled_at, last_active_at) values (?, ?, ?, ?)'
		),
		member: c.prepare(
			"insert into cohort_member (cohort_id, user_id, joined_at, joined_by) values (?, ?, ?, 'code')"
		),
		progress: c.prepare(
			'insert into lesson_progress (user_id, lesson_id, first_opened_at, last_opened_at, completed_at, scroll) values (?, ?, ?, ?, ?, 1)'
		),
		attempt: c.prepare(
			"insert into quiz_attempt (user_id, quiz_id, kind, started_at, submitted_at, submitted_by, seed, locale, settings, questions, score, max_score, percentage, passed, time_taken_seconds) values (?, ?, ?, ?, ?, 'learner', 'synthetic', ?, ?, '[]', ?, ?, ?, ?, ?)"
		),
		answer: c.prepare(
			'insert into attempt_answer (attempt_id, question_id, response, saved_at, score, correct) values (?, ?, ?, ?, ?, ?)'
		),
		certificate: c.prepare(
			"insert into certificate (code, user_id, course_id, type, snapshot, identity_salt, issued_at) values (?, ?, ?, 'completion', ?, 'synthetic', ?)"
		)
	};
	const counts: FillCounts = {
		users: 0,
		enrolments: 0,
		cohortMembers: 0,
		progress: 0,
		attempts: 0,
		answers: 0,
		certificates: 0
	};
	const locales = [
		['ar', 60],
		['fr', 35],
		['en', 5]
	] as const;
	const one = (i: number) => {
		const id = `syn-${String(i).padStart(7, '0')}`;
		const who = drawLearner(rnd);
		const local = who.governorateId ? places.filter((p) => p.gov === who.governorateId) : [];
		const municipality =
			who.municipality && local.length ? (local[rnd.int(0, local.length - 1)]?.id ?? null) : null;
		const joined = FIRST + Math.floor(rnd.next() * SPAN);
		const locale = rnd.weighted(locales);
		ins.user.run(
			id,
			`${id}@synthetic.invalid`,
			`Synthetic learner ${String(i)}`,
			locale,
			who.position,
			who.governorateId,
			municipality,
			who.gender,
			joined,
			joined
		);
		counts.users++;
		const ability = rnd.normal(0, 1);
		const howMany = rnd.weighted(COURSE_COUNTS);
		const chosen = [...courses].sort(() => rnd.next() - 0.5).slice(0, Number(howMany));
		for (const course of chosen) {
			const start = Math.min(now - DAY, joined + rnd.int(0, 60) * DAY);
			const act = planActivity(rnd, course, start, ability);
			const last = Math.max(
				start,
				...act.progress.map((p) => p.last),
				...act.attempts.map((a) => a.at)
			);
			ins.enrolment.run(id, course.id, start, last);
			counts.enrolments++;
			const cohort = who.governorateId
				? cohortOf.get(`${String(course.id)}/${who.governorateId}`)
				: undefined;
			if (cohort !== undefined && rnd.chance(0.6)) {
				ins.member.run(cohort, id, start);
				counts.cohortMembers++;
			}
			for (const p of act.progress) ins.progress.run(id, p.lessonId, p.first, p.last, p.completed);
			counts.progress += act.progress.length;
			for (const a of act.attempts) {
				const settings = JSON.stringify({
					passMark: course.passMark,
					feedback: a.kind === 'pretest' ? 'none' : 'after-submit',
					showAnswers: 'after-pass',
					timeLimitMinutes: 30
				});
				const right = a.answers.filter((x) => x.correct).length;
				const took = rnd.int(120, 1500);
				const attemptId = ins.attempt.run(
					id,
					a.quiz.id,
					a.kind,
					a.at,
					a.at + took * 1000,
					locale,
					settings,
					right,
					a.answers.length,
					a.percentage,
					a.kind === 'pretest' ? null : a.passed ? 1 : 0,
					took
				).lastInsertRowid;
				for (const x of a.answers)
					ins.answer.run(
						attemptId,
						x.questionId,
						x.correct ? '"a"' : '"b"',
						a.at,
						x.correct ? 1 : 0,
						x.correct ? 1 : 0
					);
				counts.attempts++;
				counts.answers += a.answers.length;
			}
			if (act.certifiedAt !== null) {
				const snapshot = JSON.stringify({
					synthetic: true,
					name: `Synthetic learner ${String(i)}`
				});
				ins.certificate.run(
					`SYN-${String(course.id)}-${id}`,
					id,
					course.id,
					snapshot,
					act.certifiedAt
				);
				counts.certificates++;
			}
		}
	};
	const batch = opts.batch ?? 5000;
	for (let from = 1; from <= opts.learners; from += batch) {
		db.$client.transaction(() => {
			for (let i = from; i < Math.min(from + batch, opts.learners + 1); i++) one(i);
		})();
		opts.onBatch?.(Math.min(from + batch - 1, opts.learners));
	}
	return counts;
}
