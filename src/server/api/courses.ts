import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { routePlugin } from '../route-plugin.ts';
import { findCourse, listCourses, syllabus } from '../../lib/server/learning/catalog.ts';
import { myLearning } from '../../lib/server/learning/course-view.ts';
import { saveScroll } from '../../lib/server/learning/progress.ts';
import type { CourseSummary } from '../../lib/server/learning/types.ts';
import type { AppContext } from '../context.ts';
import { requireApiRole } from './auth.ts';
import { ErrorBody } from './schemas.ts';

const Localised = Type.Object({
	ar: Type.Optional(Type.String()),
	fr: Type.Optional(Type.String()),
	en: Type.Optional(Type.String())
});
const CourseBody = Type.Object({
	slug: Type.String(),
	version: Type.String(),
	title: Localised,
	summary: Localised,
	locales: Type.Array(Type.String()),
	theme: Type.String(),
	level: Type.String(),
	hours: Type.Number(),
	moduleCount: Type.Integer(),
	lessonCount: Type.Integer(),
	requiresKey: Type.Boolean()
});
const CourseDetail = Type.Intersect([
	CourseBody,
	Type.Object({
		modules: Type.Array(
			Type.Object({
				slug: Type.String(),
				title: Localised,
				lessons: Type.Array(
					Type.Object({ slug: Type.String(), title: Localised, minutes: Type.Integer() })
				)
			})
		)
	})
]);
const Enrolment = Type.Object({
	course: Type.String(),
	title: Localised,
	done: Type.Integer(),
	total: Type.Integer(),
	percent: Type.Integer(),
	resume: Type.Union([Type.Object({ module: Type.String(), lesson: Type.String() }), Type.Null()])
});

const publicCourse = (c: CourseSummary) => ({
	slug: c.slug,
	version: c.version,
	title: c.title,
	summary: c.summary,
	locales: c.locales,
	theme: c.theme,
	level: c.level,
	hours: c.hours,
	moduleCount: c.moduleCount,
	lessonCount: c.lessonCount,
	requiresKey: c.requiresKey
});

/** Public catalog (published courses only), and the signed-in learner's enrolments. */
export const courseRoutes: FastifyPluginCallbackTypebox<{ ctx: AppContext }> = routePlugin(
	(app, { ctx }) => {
		app.get(
			'/courses',
			{
				schema: {
					operationId: 'listCourses',
					summary: 'Published courses',
					tags: ['courses'],
					response: { 200: Type.Array(CourseBody) }
				}
			},
			() => listCourses(ctx.db).map(publicCourse)
		);

		app.get(
			'/courses/:slug',
			{
				schema: {
					operationId: 'getCourse',
					summary: 'One published course with its syllabus',
					tags: ['courses'],
					params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
					response: { 200: CourseDetail, 404: ErrorBody }
				}
			},
			async (req, reply) => {
				const c = findCourse(ctx.db, { slug: req.params.slug });
				if (!c)
					return reply
						.code(404)
						.send({ error: 'NOT_FOUND', message: `No published course ${req.params.slug}` });
				const modules = syllabus(ctx.db, c.id).map((m) => ({
					slug: m.slug,
					title: m.title,
					lessons: m.lessons.map((l) => ({ slug: l.slug, title: l.title, minutes: l.minutes }))
				}));
				return { ...publicCourse(c), modules };
			}
		);

		app.get(
			'/me/enrolments',
			{
				schema: {
					operationId: 'listMyEnrolments',
					summary: 'My enrolments and progress',
					tags: ['learning'],
					response: { 200: Type.Array(Enrolment), 401: ErrorBody }
				}
			},
			async (req, reply) => {
				const user = requireApiRole(ctx, req, reply);
				if (!user) return reply;
				return myLearning(ctx.db, { userId: user.id }).map(({ course, progress, resume }) => ({
					course: course.slug,
					title: course.title,
					done: progress.done,
					total: progress.total,
					percent: progress.percent,
					resume: resume ? { module: resume.moduleSlug, lesson: resume.lessonSlug } : null
				}));
			}
		);

		app.post(
			'/me/lessons/:lessonId/scroll',
			{
				schema: {
					operationId: 'saveLessonScroll',
					summary: 'Remember how far I scrolled a lesson (0 to 1)',
					tags: ['learning'],
					params: Type.Object({ lessonId: Type.Integer({ minimum: 1 }) }),
					body: Type.Object({ scroll: Type.Number({ minimum: 0, maximum: 1 }) }),
					response: { 204: Type.Null(), 401: ErrorBody, 404: ErrorBody }
				}
			},
			async (req, reply) => {
				const user = requireApiRole(ctx, req, reply);
				if (!user) return reply;
				if (
					!saveScroll(ctx.db, {
						userId: user.id,
						lessonId: req.params.lessonId,
						scroll: req.body.scroll
					})
				) {
					return reply.code(404).send({ error: 'NOT_FOUND', message: 'Open the lesson first.' });
				}
				return reply.code(204).send(null);
			}
		);
	}
);
