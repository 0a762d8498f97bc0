// Ten learners in one course whose indicators can be worked out by hand (see indicators.test.ts).
import type { Db } from '../../../src/lib/server/db/index.ts';
import {
	certificate,
	course,
	enrolment,
	lesson,
	lessonProgress,
	module,
	quiz,
	quizAttempt,
	user,
	type Gender,
	type Position
} from '../../../src/lib/server/db/schema/index.ts';

type Learner = {
	id: string;
	gov: string | null;
	gender: Gender | null;
	position?: Position;
	day: string;
	started?: boolean;
	completed?: boolean;
	cert?: 'yes' | 'revoked';
	pre?: number;
	finals?: number[];
};

//          gov     gender       started completed certificate  pre  finals
export const LEARNERS: Learner[] = [
	{
		id: 'L1',
		gov: 'TN-11',
		gender: 'woman',
		position: 'elected-official',
		day: '2026-01-10',
		started: true,
		completed: true,
		cert: 'yes',
		pre: 40,
		finals: [60]
	},
	{
		id: 'L2',
		gov: 'TN-11',
		gender: 'woman',
		position: 'elected-official',
		day: '2026-01-10',
		started: true,
		completed: true,
		cert: 'yes',
		pre: 50,
		finals: [70]
	},
	{
		id: 'L3',
		gov: 'TN-11',
		gender: 'woman',
		position: 'elected-official',
		day: '2026-01-10',
		started: true,
		completed: true,
		cert: 'yes',
		pre: 30,
		finals: [45, 60]
	},
	{
		id: 'L4',
		gov: 'TN-11',
		gender: 'man',
		day: '2026-01-10',
		started: true,
		completed: true,
		cert: 'yes',
		pre: 60,
		finals: [70]
	},
	{
		id: 'L5',
		gov: 'TN-11',
		gender: 'man',
		day: '2026-01-10',
		started: true,
		completed: true,
		cert: 'revoked',
		pre: 20,
		finals: [40]
	},
	{ id: 'L6', gov: 'TN-11', gender: 'unspecified', day: '2026-03-05', started: true, pre: 50 },
	{ id: 'L7', gov: 'TN-61', gender: 'woman', day: '2026-03-05', started: true, finals: [80] },
	{
		id: 'L8',
		gov: 'TN-61',
		gender: 'man',
		day: '2026-03-05',
		started: true,
		pre: 70,
		finals: [60, 65]
	},
	{ id: 'L9', gov: 'TN-61', gender: null, day: '2026-03-05' },
	{ id: 'L10', gov: null, gender: 'woman', day: '2026-03-05' }
];

/** Inserts the course (two lessons, a `final` quiz), the learners and what they did; returns the course ids. */
export function seedReportFixture(db: Db): { courseId: number; otherCourseId: number } {
	const now = new Date('2026-06-01T00:00:00Z');
	const mkCourse = (slug: string) =>
		db
			.insert(course)
			.values({ slug, contentHash: slug, createdAt: now, updatedAt: now })
			.returning()
			.get().id;
	const courseId = mkCourse('report-course');
	const otherCourseId = mkCourse('other-course');
	const mod = db
		.insert(module)
		.values({ courseId, slug: 'm1', position: 1, title: { fr: 'M1' }, objectives: {} })
		.returning()
		.get();
	const lessons = [1, 2].map(
		(n) =>
			db
				.insert(lesson)
				.values({ moduleId: mod.id, slug: `l${n}`, position: n, minutes: 5 })
				.returning()
				.get().id
	);
	const final = db
		.insert(quiz)
		.values({ courseId, slug: 'final', settings: {} as never })
		.returning()
		.get().id;
	for (const l of LEARNERS) {
		const at = new Date(`${l.day}T09:00:00Z`);
		db.insert(user)
			.values({
				id: l.id,
				email: `${l.id.toLowerCase()}@example.tn`,
				name: `Learner ${l.id}`,
				passwordHash: 'x',
				gender: l.gender,
				governorateId: l.gov,
				position: l.position ?? null,
				createdAt: at,
				updatedAt: at
			})
			.run();
		db.insert(enrolment).values({ userId: l.id, courseId, enrolledAt: at, lastActiveAt: at }).run();
		if (l.started) {
			for (const [i, lessonId] of lessons.entries()) {
				if (i > 0 && !l.completed) continue;
				const done = l.completed ? at : null;
				db.insert(lessonProgress)
					.values({
						userId: l.id,
						lessonId,
						firstOpenedAt: at,
						lastOpenedAt: at,
						completedAt: done
					})
					.run();
			}
		}
		if (l.cert) {
			db.insert(certificate)
				.values({
					code: `C-${l.id}`,
					userId: l.id,
					courseId,
					type: 'completion',
					snapshot: {} as never,
					identitySalt: 's',
					issuedAt: at,
					revokedAt: l.cert === 'revoked' ? now : null
				})
				.run();
		}
		const attempt = (kind: 'pretest' | 'attempt', percentage: number) =>
			db
				.insert(quizAttempt)
				.values({
					userId: l.id,
					quizId: final,
					kind,
					startedAt: at,
					submittedAt: at,
					seed: 's',
					locale: 'fr',
					settings: {} as never,
					questions: [],
					percentage
				})
				.run();
		if (l.pre !== undefined) attempt('pretest', l.pre);
		for (const f of l.finals ?? []) attempt('attempt', f);
	}
	// L1 is also enrolled in another course, outside a trainer's scope in the tests.
	db.insert(enrolment)
		.values({ userId: 'L1', courseId: otherCourseId, enrolledAt: now, lastActiveAt: now })
		.run();
	return { courseId, otherCourseId };
}
