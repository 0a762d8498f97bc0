import type { Course, Quiz } from '../types.ts';

const scored = (q: Quiz | null): number =>
	q ? q.questions.filter((x) => x.type !== 'description').length : 0;

/**
 * A course's learning hours from its content, so the number matches the work: reading and
 * exercise minutes, assignment essays, 1 minute per module-quiz question, 1.5 per drawn final
 * question, 1 per pre-test question; rounded up to the half hour.
 */
export function computeHours(c: Pick<Course, 'locales' | 'modules' | 'final' | 'meta'>): number {
	let minutes = 0;
	for (const m of c.modules) {
		for (const l of m.lessons) {
			const text = c.locales.map((locale) => l.texts[locale]).find(Boolean);
			minutes += (text?.minutes ?? 0) + (text?.activityMinutes ?? 0);
		}
		for (const q of m.assignment?.questions ?? []) {
			const essay = q.type === 'essay' ? q.body.minutes : undefined;
			minutes += typeof essay === 'number' ? essay : 0;
		}
		if (m.quiz) minutes += m.quiz.settings.draw ?? scored(m.quiz);
	}
	if (c.final) minutes += 1.5 * (c.final.settings.draw ?? scored(c.final));
	minutes += c.meta.pretest ?? 0;
	return Math.ceil(minutes / 30) / 2;
}
