// A real server on 127.0.0.1 with one account per actor, a course they take, and a victim whose
// rows no request may change. Shared by the fuzz suite and the access matrix.
import type { Role } from '../../../src/lib/server/db/schema/index.ts';
import net from 'node:net';
import { assignCourseTrainer } from '../../../src/lib/server/courses/trainers.ts';
import { and, eq, isNotNull } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../app.ts';
import { finishLessons, passAllQuizzes } from '../learning.ts';
import { loadConfig } from '../../../src/lib/server/config.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../../src/lib/server/auth/session.ts';
import { issueEarnedCertificates } from '../../../src/lib/server/certificates/issue.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';
import { startAttempt } from '../../../src/lib/server/quiz/attempts/index.ts';
import { schema } from '../../../src/lib/server/db/index.ts';
import { currentCourseMeta } from '../../../src/lib/server/courses/current-meta.ts';
import { ACTORS, ACTOR_NAMES, type Actor, type ActorName } from './actors.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { addCohortTrainer } from '../../../src/lib/server/cohorts/trainers.ts';
import { addMember } from '../../../src/lib/server/cohorts/members.ts';
import { createInvite } from '../../../src/lib/server/cohorts/invites.ts';
import { grantStudioRole } from '../../../src/lib/server/studio/roles.ts';
import { createStudioCourse } from '../../../src/lib/server/studio/create-course.ts';

const { attemptAnswer, certificate, course, enrolment, lesson, lessonProgress, module, quiz } =
	schema;
const { quizAttempt, session, user } = schema;

export const COURSE = 'participatory-governance';

export type World = {
	h: TestApp;
	/** The server's origin; form posts carry it as `Origin`. */
	origin: string;
	userId: Record<ActorName, string | null>;
	/** A new session for `actor` (none for anonymous): signing out in one request harms no other. */
	cookie: (actor: ActorName) => string;
	/** Route parameter values, the owner's objects unless the actor has its own attempt. */
	params: (actor: ActorName) => Record<string, string>;
	/** The actor whose attempt and certificate are probed. */
	owner: ActorName;
	/** The course's first worksheet slug; null while it has none. */
	worksheet: string | null;
	subject: {
		openAttempt: number;
		submittedAttempt: number;
		submittedQuiz: string;
		certificate: string;
		/** The cohort the owner belongs to, run by the `cohortTrainer` actors. */
		cohort: number;
	};
	/** Ids and codes of the victim's rows: forms that name them are not used as templates. */
	victimIds: string[];
	victimSnapshot: () => string;
	/** `PRAGMA integrity_check` and `foreign_key_check` findings; empty when sound. */
	dbProblems: () => string[];
	close: () => Promise<void>;
};

async function freePort(): Promise<number> {
	const srv = net.createServer();
	await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
	const { port } = srv.address() as net.AddressInfo;
	await new Promise((r) => srv.close(r));
	return port;
}

export async function startWorld(): Promise<World> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const env = { ORIGIN: origin };
	const h = await buildTestApp({ kit: true, courses: true, env });
	await h.app.listen({ host: '127.0.0.1', port });
	const db = h.t.db;
	const config = loadConfig({ DATABASE_URL: h.t.file, ...env });
	const courseId = db.select().from(course).where(eq(course.slug, COURSE)).get()!.id;

	const account = async (name: string, role: Role) =>
		(
			await createUser(db, {
				email: `${name.toLowerCase()}@hostile.example.tn`,
				name,
				password: `${name} passphrase long enough`,
				locale: 'en',
				role,
				position: null,
				governorateId: null,
				municipalityId: null,
				gender: null
			})
		).id;

	const userId = {} as Record<ActorName, string | null>;
	for (const name of ACTOR_NAMES) {
		const a: Actor = ACTORS[name];
		userId[name] = a.role ? await account(name, a.role) : null;
		if (a.enrolled) enrol(db, { userId: userId[name]!, courseId });
	}
	// A course trainer is assigned by an admin, as on the admin pages (issue 10 §2).
	const admin = ACTOR_NAMES.find((n) => (ACTORS[n] as Actor).role === 'admin');
	for (const name of ACTOR_NAMES)
		if ((ACTORS[name] as Actor).courseTrainer)
			assignCourseTrainer(db, { actorId: userId[admin!]!, courseId, userId: userId[name]! });
	// Studio owners: of the probed course (granted by an admin), and of a course of their own.
	for (const name of ACTOR_NAMES) {
		const a: Actor = ACTORS[name];
		if (a.studioOwner)
			grantStudioRole(db, {
				actorId: userId[admin!]!,
				courseId,
				email: `${name.toLowerCase()}@hostile.example.tn`,
				role: 'owner',
				languages: []
			});
		if (a.otherStudioOwner)
			createStudioCourse(db, {
				actorId: userId[name]!,
				slug: `studio-${name.toLowerCase()}`,
				source: 'ar',
				titles: { ar: 'دورة أخرى', fr: 'Autre cours', en: 'Other course' }
			});
	}
	// Two cohorts of the course: the owner's, and another run by `otherCohortTrainer` actors.
	const adminId = userId[admin!]!;
	const cohortOf = (name: string, flag: 'cohortTrainer' | 'otherCohortTrainer') => {
		const c = createCohort(db, {
			actor: { id: adminId, role: 'admin', email: 'admin@hostile.example.tn' },
			courseId,
			input: { name }
		});
		for (const n of ACTOR_NAMES)
			if ((ACTORS[n] as Actor)[flag])
				addCohortTrainer(db, { actorId: adminId, cohortId: c.id, userId: userId[n]! });
		return c.id;
	};
	const ownersCohort = cohortOf('Hostile cohort X', 'cohortTrainer');
	const otherCohort = cohortOf('Hostile cohort Y', 'otherCohortTrainer');
	const joinCode = createInvite(db, {
		actorId: adminId,
		cohortId: ownersCohort,
		days: 30,
		capacity: null
	}).code;
	const victim = await account('Victim', 'learner');
	enrol(db, { userId: victim, courseId });

	const quizzes = db.select().from(quiz).where(eq(quiz.courseId, courseId)).all();
	const practice = quizzes.find((q) => q.settings.attempts === 0 && !q.settings.timeLimitMinutes)!;
	const earn = (id: string) => {
		finishLessons(db, { userId: id, courseId });
		passAllQuizzes(db, { userId: id, courseId, locale: 'en' });
		return db.transaction((tx) =>
			issueEarnedCertificates(tx, { userId: id, courseId, issuer: config })
		);
	};
	const owner = ACTOR_NAMES.find((n) => 'owner' in ACTORS[n])!;
	const ownerId = userId[owner]!;
	addMember(db, { cohortId: ownersCohort, userId: ownerId, method: 'picked', actorId: adminId });
	addMember(db, { cohortId: otherCohort, userId: victim, method: 'picked', actorId: adminId });
	const certs = earn(ownerId);
	earn(victim);
	if (!certs[0]) throw new Error('the owner earned no certificate: the world is not set up');
	const submitted = db
		.select()
		.from(quizAttempt)
		.where(and(eq(quizAttempt.userId, ownerId), isNotNull(quizAttempt.submittedAt)))
		.get()!;
	const openAttempt: Partial<Record<ActorName, number>> = {};
	for (const name of ACTOR_NAMES)
		if ((ACTORS[name] as Actor).enrolled)
			openAttempt[name] = startAttempt(db, {
				userId: userId[name]!,
				quizId: practice.id,
				locale: 'en',
				issuer: config
			}).id;
	const victimAttempt = startAttempt(db, {
		userId: victim,
		quizId: practice.id,
		locale: 'en',
		issuer: config
	});
	const firstQuestion = (attemptId: number) =>
		db.select().from(quizAttempt).where(eq(quizAttempt.id, attemptId)).get()!.questions[0]!.question
			.id;

	const secondLesson = db
		.select({ id: lesson.id, module: module.slug, lesson: lesson.slug })
		.from(lesson)
		.innerJoin(module, eq(lesson.moduleId, module.id))
		.where(eq(module.courseId, courseId))
		.orderBy(module.position, lesson.position)
		.all()[1]!;
	const subject = {
		openAttempt: openAttempt[owner]!,
		submittedAttempt: submitted.id,
		submittedQuiz: quizzes.find((q) => q.id === submitted.quizId)!.slug,
		certificate: certs[0].code,
		cohort: ownersCohort
	};

	const victimRows = () => ({
		user: db.select().from(user).where(eq(user.id, victim)).all(),
		sessions: db.select().from(session).where(eq(session.userId, victim)).all(),
		enrolments: db.select().from(enrolment).where(eq(enrolment.userId, victim)).all(),
		progress: db.select().from(lessonProgress).where(eq(lessonProgress.userId, victim)).all(),
		attempts: db.select().from(quizAttempt).where(eq(quizAttempt.userId, victim)).all(),
		answers: db
			.select({ a: attemptAnswer })
			.from(attemptAnswer)
			.innerJoin(quizAttempt, eq(attemptAnswer.attemptId, quizAttempt.id))
			.where(eq(quizAttempt.userId, victim))
			.all(),
		certificates: db.select().from(certificate).where(eq(certificate.userId, victim)).all()
	});
	createSession(db, { userId: victim });

	return {
		h,
		origin,
		userId,
		subject,
		owner,
		worksheet: currentCourseMeta(db, courseId)?.extras?.worksheets[0]?.slug ?? null,
		cookie: (actor) => {
			const id = userId[actor];
			return id ? `${SESSION_COOKIE}=${createSession(db, { userId: id }).token}` : '';
		},
		params: (actor) => ({
			slug: COURSE,
			quiz: practice.slug,
			module: secondLesson.module,
			lesson: secondLesson.lesson,
			lessonId: String(secondLesson.id),
			attemptId: String(openAttempt[actor] ?? subject.openAttempt),
			questionId: firstQuestion(openAttempt[actor] ?? subject.openAttempt),
			code: subject.certificate,
			lang: 'en',
			ws: currentCourseMeta(db, courseId)?.extras?.worksheets[0]?.slug ?? 'none',
			cohortId: String(ownersCohort),
			// A member of the owner's cohort (the one-learner page).
			userId: ownerId,
			joinCode,
			token: 'abcdefghijklmnopqrstuvwxyz234567'
		}),
		victimIds: [
			victim,
			String(victimAttempt.id),
			...db
				.select()
				.from(certificate)
				.where(eq(certificate.userId, victim))
				.all()
				.map((c) => c.code)
		],
		victimSnapshot: () => JSON.stringify(victimRows()),
		dbProblems: () => {
			const integrity = db.$client.pragma('integrity_check') as { integrity_check: string }[];
			const fk = db.$client.pragma('foreign_key_check') as unknown[];
			return [
				...integrity.filter((r) => r.integrity_check !== 'ok').map((r) => r.integrity_check),
				...fk.map((r) => `foreign key: ${JSON.stringify(r)}`)
			];
		},
		close: () => h.close()
	};
}
