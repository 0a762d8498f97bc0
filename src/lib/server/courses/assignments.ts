// A module's assignment (assignment.yaml) is a quiz of that module with one essay a trainer
// grades. One home for how its quiz is keyed and for the state a learner sees.

const SUFFIX = '.assignment';

/** The quiz slug of a module's assignment: a dot never occurs in a module slug, so no clash. */
export const assignmentSlug = (moduleSlug: string): string => `${moduleSlug}${SUFFIX}`;

export const isAssignmentSlug = (quizSlug: string): boolean => quizSlug.endsWith(SUFFIX);

export type AssignmentState = 'not-started' | 'submitted' | 'graded';

/** Where a learner stands: nothing submitted, submitted and waiting for a trainer, or graded. */
export function assignmentState(r: {
	attempts: number;
	graded: number;
	awaitingGrading: boolean;
}): AssignmentState {
	if (r.attempts === 0) return 'not-started';
	return r.awaitingGrading || r.graded === 0 ? 'submitted' : 'graded';
}
