import { describe, expect, it } from 'vitest';
import {
	assignmentSlug,
	assignmentState,
	isAssignmentSlug
} from '../../../src/lib/server/courses/assignments.ts';

describe('module assignments', () => {
	it('are keyed <module>.assignment, which no module slug or final can be', () => {
		expect(assignmentSlug('diagnosis')).toBe('diagnosis.assignment');
		expect(isAssignmentSlug('diagnosis.assignment')).toBe(true);
		expect(isAssignmentSlug('diagnosis')).toBe(false);
		expect(isAssignmentSlug('final')).toBe(false);
	});

	it('are not started, submitted (waiting for a trainer) or graded', () => {
		expect(assignmentState({ attempts: 0, graded: 0, awaitingGrading: false })).toBe('not-started');
		expect(assignmentState({ attempts: 1, graded: 0, awaitingGrading: true })).toBe('submitted');
		expect(assignmentState({ attempts: 1, graded: 1, awaitingGrading: false })).toBe('graded');
		// A new submission after a grade waits for the trainer again.
		expect(assignmentState({ attempts: 2, graded: 1, awaitingGrading: true })).toBe('submitted');
	});
});
