import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { viewCourse } from '$lib/server/learning/course-view';
import { lessonAccess } from '$lib/server/access/lessons';
import { readLesson } from '$lib/server/learning/reader';
import { lessonExtras } from '$lib/server/learning/lesson-extras';
import { lessonState, recordLessonOpened } from '$lib/server/learning/progress';
import { completeLesson } from '$lib/server/learning/complete-lesson';
import { localeOrder, localText } from '$lib/server/text/localised';
import { nextStep } from '$lib/server/learning/next-step';
import { quizAfterLesson } from '$lib/server/learning/next-step-rule';
import { ServerHtml } from '$lib/html/server-html';

type Event = Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0];

// Reading needs no framework JavaScript: the page is server-rendered and its forms post
// normally, which keeps it light on weak connections (tests/bench/RESULTS.md).
export const csr = false;

function locate(event: Pick<Event, 'locals' | 'params'>) {
	const { locals, params } = event;
	const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
	const view = viewCourse(locals.ctx.db, { slug: params.slug, viewer, withNext: true });
	if (!view) error(404, { message: 'not_found' });
	const lesson = readLesson(locals.ctx.db, {
		modules: view.modules,
		courseLocales: view.course.locales,
		moduleSlug: params.module,
		lessonSlug: params.lesson,
		locale: locals.locale
	});
	if (!lesson) error(404, { message: 'not_found' });
	return { view, lesson, viewer };
}

export const load: PageServerLoad = (event) => {
	const { view, lesson, viewer } = locate(event);
	const { locals } = event;
	const access = lessonAccess({
		role: viewer?.role ?? null,
		enrolled: view.enrolled,
		isFirstLesson: lesson.isFirstLesson
	});
	if (access === 'signin') requireRole(event);
	if (access === 'enrol') error(403, { message: 'enrol_required' });
	if (viewer && view.enrolled)
		recordLessonOpened(locals.ctx.db, {
			userId: viewer.id,
			courseId: view.course.id,
			lessonId: lesson.id
		});
	const state = viewer
		? lessonState(locals.ctx.db, { userId: viewer.id, lessonId: lesson.id })
		: null;
	const order = localeOrder(locals.locale, view.course.locales);
	const mod = view.modules.find((m) => m.id === lesson.moduleId);
	if (!mod) error(404, { message: 'not_found' });
	const base = `/courses/${view.course.slug}`;
	const extras = lessonExtras(locals.ctx.db, {
		courseId: view.course.id,
		moduleSlug: mod.slug,
		lessonSlug: lesson.slug,
		locale: lesson.locale,
		sources: lesson.sources
	});
	// At a module's last lesson, "Next" leads to the module's quiz when the course requires it.
	const quizNext = view.next ? quizAfterLesson(view.next.facts, lesson.id) : null;
	const step = view.next?.step;
	return {
		course: { slug: view.course.slug, title: localText(view.course.title, order) },
		module: {
			slug: mod.slug,
			title: localText(mod.title, order),
			lessons: mod.lessons.map((l) => ({
				slug: l.slug,
				title: localText(l.title, order),
				current: l.id === lesson.id,
				done: view.progress?.completedLessonIds.includes(l.id) ?? false
			}))
		},
		lesson: {
			id: lesson.id,
			title: lesson.title,
			// Rendered on the server only, never serialised into the page (lib/html/server-html).
			html: new ServerHtml(lesson.html),
			// Inline Markdown rendered and sanitised by the lesson renderer (courses/render).
			sources: extras.sources,
			outcomes: extras.outcomes,
			activityMinutes: extras.activityMinutes,
			fictional: extras.fictional,
			minutes: lesson.minutes,
			locale: lesson.locale,
			fallback: lesson.fallback,
			position: lesson.position
		},
		base,
		previous:
			lesson.previous && `${base}/${lesson.previous.moduleSlug}/${lesson.previous.lessonSlug}`,
		next: quizNext
			? `${base}/quiz/${quizNext}`
			: lesson.next && `${base}/${lesson.next.moduleSlug}/${lesson.next.lessonSlug}`,
		nextIsQuiz: quizNext !== null,
		// Before the first lesson, the pre-test is offered (with "skip") until taken or skipped.
		pretestOffer: lesson.isFirstLesson && step?.kind === 'pretest' && !step.started,
		enrolled: view.enrolled,
		preview: access === 'preview',
		done: Boolean(state?.completedAt),
		scroll: state?.scroll ?? 0,
		coursePercent: view.progress?.percent ?? null,
		modulePercent: view.progress?.modules.find((p) => p.id === mod.id)?.percent ?? null
	};
};

export const actions: Actions = {
	complete: (event) => {
		const user = requireRole(event);
		const { view, lesson } = locate(event);
		if (!view.enrolled) return fail(403, { message: 'enrol_required' });
		const { db, config } = event.locals.ctx;
		completeLesson(db, {
			userId: user.id,
			courseId: view.course.id,
			lessonId: lesson.id,
			issuer: config
		});
		const base = `/${event.locals.locale}/courses/${view.course.slug}`;
		// On to the module's quiz when it is due, else the next lesson; after the last lesson, to
		// the course page's next-step card, which says what remains.
		const { facts } = nextStep(db, {
			userId: user.id,
			courseId: view.course.id,
			modules: view.modules
		});
		const quiz = quizAfterLesson(facts, lesson.id);
		redirect(
			303,
			quiz
				? `${base}/quiz/${quiz}`
				: lesson.next
					? `${base}/${lesson.next.moduleSlug}/${lesson.next.lessonSlug}`
					: `${base}#next-step-${view.course.slug}`
		);
	}
};
