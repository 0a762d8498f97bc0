// The next step as a page shows it: plain strings in the reader's language, a locale-less path.
import { localText, type Locale } from '../text/localised.ts';
import { stepPath, type NextStep, type Remaining } from './next-step-rule.ts';
import type { SyllabusModule } from './types.ts';

export type NextStepCard = {
	kind: NextStep['kind'];
	path: string;
	/** The module (for a module quiz) or lesson title the step names; '' when none. */
	title: string;
	/** The pre-test has not been started: offer "skip" beside it. */
	canSkip: boolean;
	remaining: { lessons: number; quizzes: string[]; final: boolean };
};

/** Shapes a learner's next step for the course page and My learning. */
export function presentNextStep(
	next: { step: NextStep; remaining: Remaining },
	{ courseSlug, modules, order }: { courseSlug: string; modules: SyllabusModule[]; order: Locale[] }
): NextStepCard {
	const { step, remaining } = next;
	const moduleTitle = (slug: string) => {
		const m = modules.find((x) => x.slug === slug);
		return m ? localText(m.title, order) : slug;
	};
	let title = '';
	if (step.kind === 'quiz') title = moduleTitle(step.quizSlug);
	if (step.kind === 'lesson') {
		const l = modules
			.find((m) => m.slug === step.moduleSlug)
			?.lessons.find((x) => x.slug === step.lessonSlug);
		title = l ? localText(l.title, order) : step.lessonSlug;
	}
	return {
		kind: step.kind,
		path: stepPath(courseSlug, step),
		title,
		canSkip: step.kind === 'pretest' && !step.started,
		remaining: {
			lessons: remaining.lessons,
			quizzes: remaining.quizzes.map(moduleTitle),
			final: remaining.final
		}
	};
}
