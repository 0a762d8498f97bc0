import { describe, expect, it } from 'vitest';
import {
	analyseQuiz,
	type AttemptScores,
	type ItemScore
} from '../../../src/lib/server/quiz/analysis/statistics.ts';

// Four learners, three one-point questions; every figure below was worked out by hand
// (sample variances, n − 1 = 3), so a change of formula shows here.
//          q1 q2 q3  total
//   A1      1  1  1   3
//   A2      1  1  0   2
//   A3      1  0  0   1
//   A4      0  0  1   1
const right = (chosen: string): ItemScore => ({ score: 1, max: 1, chosen: [chosen] });
const wrong = (chosen: string): ItemScore => ({ score: 0, max: 1, chosen: [chosen] });
const attempt = (q1: ItemScore, q2: ItemScore, q3: ItemScore): AttemptScores =>
	new Map([
		['q1', q1],
		['q2', q2],
		['q3', q3]
	]);
const attempts = [
	attempt(right('a'), right('a'), right('a')),
	attempt(right('a'), right('a'), wrong('b')),
	attempt(right('a'), wrong('b'), wrong('c')),
	attempt(wrong('c'), wrong('c'), right('a'))
];
const questions = ['q1', 'q2', 'q3'].map((id) => ({ id, optionIds: ['a', 'b', 'c'] }));

describe('item analysis on a hand-computed fixture', () => {
	const stats = analyseQuiz(attempts, questions);
	const item = (id: string) => stats.items.find((i) => i.questionId === id)!;

	it('gives the whole quiz’s mean, median and standard deviation in percent', () => {
		expect(stats.attempts).toBe(4);
		expect(stats.mean).toBeCloseTo(58.3333, 3); // (100 + 66.67 + 33.33 + 33.33) / 4
		expect(stats.median).toBeCloseTo(50, 6); // (33.33 + 66.67) / 2
		expect(stats.sd).toBeCloseTo(31.9142, 3); // √(3055.56 / 3)
	});

	it('gives each item’s facility and standard deviation', () => {
		expect(item('q1').facility).toBe(0.75);
		expect(item('q1').sd).toBeCloseTo(0.5, 6); // √(0.75 / 3)
		expect(item('q2').facility).toBe(0.5);
		expect(item('q2').sd).toBeCloseTo(0.57735, 4); // √(1 / 3)
	});

	it('correlates each item with the rest of the test, not with a total that contains it', () => {
		// q1 against rest [1, .5, 0, .5]: covariance 0, so no discrimination at all.
		expect(item('q1').discrimination).toBeCloseTo(0, 9);
		// q2 against rest [1, .5, .5, .5]: (1/12) / √(1/3 · 1/16) = 0.57735.
		expect(item('q2').discrimination).toBeCloseTo(0.57735, 4);
		// q3 against rest [1, 1, .5, 0]: (−1/12) / √(1/3 · 0.22917) = −0.30151.
		expect(item('q3').discrimination).toBeCloseTo(-0.30151, 4);
	});

	it('divides the covariance by the largest one the same scores allow (discriminative efficiency)', () => {
		expect(item('q1').efficiency).toBeCloseTo(0, 9); // 0 / (1/6)
		expect(item('q2').efficiency).toBeCloseTo(1, 9); // (1/12) / (1/12): already best-paired
		expect(item('q3').efficiency).toBeCloseTo(-1 / 3, 9); // (−1/12) / (1/4)
	});

	it('flags the items a trainer should look at', () => {
		expect(item('q1').flags).toEqual(['weak-discrimination']);
		expect(item('q2').flags).toEqual([]);
		expect(item('q3').flags).toEqual(['negative-discrimination']);
	});

	it('counts how often each option was chosen (distractor analysis)', () => {
		expect(item('q3').options).toEqual([
			{ id: 'a', count: 2, share: 0.5 },
			{ id: 'b', count: 1, share: 0.25 },
			{ id: 'c', count: 1, share: 0.25 }
		]);
	});

	it('computes Cronbach’s α from item and total variances: here exactly 0', () => {
		// Item variances .25 + 1/3 + 1/3 = 11/12 equal the total's variance 2.75 / 3 = 11/12.
		expect(stats.alpha).toBeCloseTo(0, 9);
		expect(stats.errorRatio).toBeCloseTo(100, 6);
		expect(stats.standardError).toBeCloseTo(31.9142, 3);
	});
});

describe('internal consistency', () => {
	const two = (a: number, b: number): AttemptScores =>
		new Map([
			['a', { score: a, max: 1, chosen: null }],
			['b', { score: b, max: 1, chosen: null }]
		]);
	const ids = [
		{ id: 'a', optionIds: [] },
		{ id: 'b', optionIds: [] }
	];

	it('is KR-20 on right/wrong items: 0.8 for this Guttman pattern', () => {
		// Item variances .3 + .3, total variance 1: α = 2 · (1 − 0.6) = 0.8.
		const stats = analyseQuiz([two(1, 1), two(1, 1), two(1, 0), two(0, 0), two(0, 0)], ids);
		expect(stats.alpha).toBeCloseTo(0.8, 9);
		expect(stats.errorRatio).toBeCloseTo(100 * Math.sqrt(0.2), 9);
	});

	it('is not given when learners were drawn different questions', () => {
		const drawn: AttemptScores = new Map([['a', { score: 1, max: 1, chosen: null }]]);
		const stats = analyseQuiz([two(1, 0), drawn, two(0, 1)], ids);
		expect(stats.alpha).toBeNull();
		expect(stats.alphaUnavailable).toBe('drawn-questions');
	});

	it('is not given without spread or with a single attempt', () => {
		expect(analyseQuiz([two(1, 1), two(1, 1)], ids).alphaUnavailable).toBe('no-variance');
		expect(analyseQuiz([two(1, 1)], ids).alphaUnavailable).toBe('too-few-attempts');
	});

	it('flags items everyone or no one got right', () => {
		const stats = analyseQuiz([two(1, 0), two(1, 0), two(1, 0)], ids);
		expect(stats.items[0]!.flags).toContain('everyone-right');
		expect(stats.items[1]!.flags).toContain('no-one-right');
	});
});
