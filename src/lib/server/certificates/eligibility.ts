/** What a course's completion rule looks at, gathered by the caller. */
export type CompletionFacts = {
	rule: {
		lessons: 'all' | 'none';
		moduleQuizzes: 'passed' | 'none';
		passMark: number;
		certificate: 'completion' | 'participation' | 'both' | 'none';
		/** What each module assignment needs; absent (older versions) means none. */
		assignments?: 'none' | 'submitted' | 'graded';
	};
	lessonsDone: number;
	lessonsTotal: number;
	/** Each module quiz: passed (or mastered) at least once. */
	moduleQuizzes: { slug: string; passed: boolean }[];
	/** Best percentage on the final assessment, null when never submitted or not graded yet. */
	finalBest: number | null;
	hasFinal: boolean;
	/** Each module assignment: handed in at least once, graded at least once. */
	assignments?: { slug: string; submitted: boolean; graded: boolean }[];
};

export type Eligibility = {
	completion: boolean;
	participation: boolean;
	/** Why completion is not (yet) granted, for the learner's page. */
	missing: ('lessons' | 'module_quizzes' | 'assignments' | 'final')[];
};

/**
 * The completion rule, as a pure function. Completion (assessed) needs the lessons the rule
 * asks for, every module quiz passed when it asks for that, every module assignment submitted
 * or graded when it asks for that (course.yaml completion.assignments), and the final assessment at or
 * above the pass mark. Participation needs every lesson finished and no assessment.
 */
export function evaluateEligibility(f: CompletionFacts): Eligibility {
	const lessonsOk =
		f.rule.lessons === 'none' || (f.lessonsTotal > 0 && f.lessonsDone >= f.lessonsTotal);
	const quizzesOk = f.rule.moduleQuizzes === 'none' || f.moduleQuizzes.every((q) => q.passed);
	const wants = f.rule.assignments ?? 'none';
	const assignmentsOk = (f.assignments ?? []).every((a) =>
		wants === 'submitted' ? a.submitted : wants === 'graded' ? a.graded : true
	);
	const finalOk = !f.hasFinal || (f.finalBest !== null && f.finalBest >= f.rule.passMark);
	const missing: Eligibility['missing'] = [];
	if (!lessonsOk) missing.push('lessons');
	if (!quizzesOk) missing.push('module_quizzes');
	if (!assignmentsOk) missing.push('assignments');
	if (!finalOk) missing.push('final');
	const grants = f.rule.certificate;
	const allLessons = f.lessonsTotal > 0 && f.lessonsDone >= f.lessonsTotal;
	return {
		completion: (grants === 'completion' || grants === 'both') && missing.length === 0,
		participation: (grants === 'participation' || grants === 'both') && allLessons,
		missing
	};
}
