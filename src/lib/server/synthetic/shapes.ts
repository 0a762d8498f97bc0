// The courses as the synthetic filler walks them, read from the imported database.
import type { Db } from '../db/index.ts';
import { isAssignmentSlug } from '../courses/assignments.ts';
import type { CourseShape, QuizShape } from './activity.ts';

/** The published shape of every course: lessons in order, module quizzes, the final quiz. */
export function courseShapes(db: Db): CourseShape[] {
	const c = db.$client;
	const courses = c.prepare('select id from course where not archived order by id').all() as {
		id: number;
	}[];
	const questions = (quizId: number) =>
		(
			c
				.prepare(
					'select question_id as q from question where quiz_id = ? and not archived order by position'
				)
				.all(quizId) as { q: string }[]
		).map((r) => r.q);
	return courses.map(({ id }) => {
		const quizzes = c
			.prepare(
				'select id, slug, module_id as moduleId, settings from quiz where course_id = ? and not archived'
			)
			.all(id) as { id: number; slug: string; moduleId: number | null; settings: string }[];
		const shape = (q: (typeof quizzes)[number]): QuizShape => {
			const ids = questions(q.id);
			const draw = (JSON.parse(q.settings) as { draw?: number | null }).draw;
			return { id: q.id, questionIds: ids, draw: draw ?? ids.length };
		};
		const modules = c
			.prepare('select id from module where course_id = ? and not archived order by position')
			.all(id) as { id: number }[];
		const final = quizzes.find((q) => q.slug === 'final');
		return {
			id,
			passMark: final
				? ((JSON.parse(final.settings) as { passMark?: number | null }).passMark ?? 70)
				: 70,
			final: final ? shape(final) : null,
			modules: modules.map((m) => {
				const quiz = quizzes.find(
					(q) => q.moduleId === m.id && !isAssignmentSlug(q.slug) && q.slug !== 'final'
				);
				const lessons = c
					.prepare('select id from lesson where module_id = ? and not archived order by position')
					.all(m.id) as { id: number }[];
				return { lessonIds: lessons.map((l) => l.id), quiz: quiz ? shape(quiz) : null };
			})
		};
	});
}
