import type { Db } from '../db/index.ts';
import type { Role } from '../db/schema/index.ts';
import { canReadUnpublished } from '../access/courses.ts';
import { findCourse, listCourses, syllabus } from './catalog.ts';
import { findEnrolment, listEnrolments } from './enrolment.ts';
import { courseProgress, type CourseProgress } from './progress.ts';
import { findLessonRef, type LessonRef } from './reader.ts';
import type { CourseSummary, SyllabusModule } from './types.ts';
import { nextStep } from './next-step.ts';

export type Viewer = { id: string; role: Role } | null;

export type CourseView = {
	course: CourseSummary;
	modules: SyllabusModule[];
	enrolled: boolean;
	progress: CourseProgress | null;
	resume: LessonRef | null;
	first: LessonRef | null;
	/** The enrolled learner's next step and what remains; null for anyone else. */
	next: ReturnType<typeof nextStep> | null;
};

/** A course as one viewer sees it; null when it does not exist for them (unpublished, archived). */
export function viewCourse(
	db: Db,
	{ slug, viewer, withNext = false }: { slug: string; viewer: Viewer; withNext?: boolean }
): CourseView | null {
	const course = findCourse(db, {
		slug,
		includeUnpublished: canReadUnpublished(viewer)
	});
	if (!course) return null;
	const modules = syllabus(db, course.id);
	const enrolment = viewer ? findEnrolment(db, { userId: viewer.id, courseId: course.id }) : null;
	const progress =
		enrolment && viewer
			? courseProgress(db, {
					userId: viewer.id,
					courseId: course.id,
					modules,
					lastLessonId: enrolment.lastLessonId
				})
			: null;
	const first = modules[0]?.lessons[0]
		? { moduleSlug: modules[0].slug, lessonSlug: modules[0].lessons[0].slug }
		: null;
	return {
		course,
		modules,
		enrolled: Boolean(enrolment),
		progress,
		resume: progress ? findLessonRef(modules, progress.resumeLessonId) : null,
		first,
		// Only the pages that show the next step pay for its queries (quiz pages do not).
		next:
			withNext && progress && viewer
				? nextStep(db, { userId: viewer.id, courseId: course.id, modules })
				: null
	};
}

export type CatalogEntry = CourseSummary & { progress: number | null };

/** The catalog for a viewer, with their progress on the courses they are enrolled in. */
export function catalogFor(db: Db, { viewer }: { viewer: Viewer }): CatalogEntry[] {
	const courses = listCourses(db, { includeUnpublished: canReadUnpublished(viewer) });
	const enrolled = new Set(
		viewer ? listEnrolments(db, { userId: viewer.id }).map((e) => e.courseId) : []
	);
	return courses.map((c) => ({
		...c,
		progress:
			viewer && enrolled.has(c.id)
				? courseProgress(db, { userId: viewer.id, courseId: c.id, modules: syllabus(db, c.id) })
						.percent
				: null
	}));
}

/** "My learning": every enrolment with progress and where to continue. */
export function myLearning(db: Db, { userId }: { userId: string }) {
	const courses = new Map(listCourses(db, { includeUnpublished: true }).map((c) => [c.id, c]));
	return listEnrolments(db, { userId }).flatMap((e) => {
		const course = courses.get(e.courseId);
		if (!course) return [];
		const modules = syllabus(db, course.id);
		const progress = courseProgress(db, {
			userId,
			courseId: course.id,
			modules,
			lastLessonId: e.lastLessonId
		});
		return [
			{
				course,
				modules,
				progress,
				resume: findLessonRef(modules, progress.resumeLessonId),
				next: nextStep(db, { userId, courseId: course.id, modules }),
				lastActiveAt: e.lastActiveAt
			}
		];
	});
}
