import { describe, expect, it } from 'vitest';
import {
	evaluateEligibility,
	type CompletionFacts
} from '../../../src/lib/server/certificates/eligibility.ts';

const base: CompletionFacts = {
	rule: { lessons: 'all', moduleQuizzes: 'passed', passMark: 70, certificate: 'completion' },
	lessonsDone: 8,
	lessonsTotal: 8,
	moduleQuizzes: [
		{ slug: 'a', passed: true },
		{ slug: 'b', passed: true }
	],
	finalBest: 70,
	hasFinal: true
};

describe('completion rule', () => {
	it('grants completion when lessons, module quizzes and the final at the pass mark are done', () => {
		expect(evaluateEligibility(base)).toEqual({
			completion: true,
			participation: false,
			missing: []
		});
	});

	it('says what is missing, one reason at a time', () => {
		expect(evaluateEligibility({ ...base, lessonsDone: 7 }).missing).toEqual(['lessons']);
		expect(
			evaluateEligibility({ ...base, moduleQuizzes: [{ slug: 'a', passed: false }] }).missing
		).toEqual(['module_quizzes']);
		expect(evaluateEligibility({ ...base, finalBest: 69.99 }).missing).toEqual(['final']);
		expect(evaluateEligibility({ ...base, finalBest: null }).missing).toEqual(['final']);
		expect(evaluateEligibility({ ...base, lessonsDone: 0, finalBest: null }).completion).toBe(
			false
		);
	});

	it('ignores what the rule does not ask for', () => {
		const rule = { ...base.rule, lessons: 'none' as const, moduleQuizzes: 'none' as const };
		expect(
			evaluateEligibility({
				...base,
				rule,
				lessonsDone: 0,
				moduleQuizzes: [{ slug: 'a', passed: false }]
			}).completion
		).toBe(true);
		expect(evaluateEligibility({ ...base, hasFinal: false, finalBest: null }).completion).toBe(
			true
		);
	});

	it('grants participation for every lesson finished, without assessment, when the course offers it', () => {
		const both = { ...base, rule: { ...base.rule, certificate: 'both' as const }, finalBest: null };
		expect(evaluateEligibility(both)).toEqual({
			completion: false,
			participation: true,
			missing: ['final']
		});
		expect(evaluateEligibility({ ...both, lessonsDone: 7 }).participation).toBe(false);
		expect(
			evaluateEligibility({ ...base, rule: { ...base.rule, certificate: 'none' } })
		).toMatchObject({ completion: false, participation: false });
	});

	it('never grants anything for a course without lessons', () => {
		expect(
			evaluateEligibility({
				...base,
				lessonsDone: 0,
				lessonsTotal: 0,
				rule: { ...base.rule, certificate: 'both' }
			}).participation
		).toBe(false);
	});

	describe('completion.assignments', () => {
		const assignments = [
			{ slug: 'a.assignment', submitted: true, graded: true },
			{ slug: 'b.assignment', submitted: true, graded: false },
			{ slug: 'c.assignment', submitted: false, graded: false }
		];
		const withRule = (value?: 'none' | 'submitted' | 'graded') => ({
			...base,
			rule: { ...base.rule, assignments: value },
			assignments
		});

		it('none (and the default when the rule leaves it out) never waits for an assignment', () => {
			expect(evaluateEligibility(withRule()).completion).toBe(true);
			expect(evaluateEligibility(withRule('none')).completion).toBe(true);
		});

		it('submitted needs every assignment handed in, graded or not', () => {
			expect(evaluateEligibility(withRule('submitted'))).toMatchObject({
				completion: false,
				missing: ['assignments']
			});
			const handedIn = assignments.map((a) => ({ ...a, submitted: true }));
			expect(
				evaluateEligibility({ ...withRule('submitted'), assignments: handedIn }).completion
			).toBe(true);
		});

		it('graded needs every assignment graded by a trainer', () => {
			const handedIn = assignments.map((a) => ({ ...a, submitted: true }));
			expect(evaluateEligibility({ ...withRule('graded'), assignments: handedIn }).missing).toEqual(
				['assignments']
			);
			const graded = handedIn.map((a) => ({ ...a, graded: true }));
			expect(evaluateEligibility({ ...withRule('graded'), assignments: graded }).completion).toBe(
				true
			);
		});
	});
});
