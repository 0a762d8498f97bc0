import { describe, expect, it } from 'vitest';
import { masteryReached } from '../../../../src/lib/server/quiz/grading/mastery.ts';

const rule = { of: 4, correct: 3 };

describe('masteryReached', () => {
	it('is reached with 3 right among the last 4', () => {
		expect(masteryReached([true, true, false, false, true], rule)).toBe(false);
		expect(masteryReached([false, true, true, false, true], rule)).toBe(true);
		expect(masteryReached([true, true, true, true], rule)).toBe(true);
	});

	it('looks only at the last results, not older ones', () => {
		expect(masteryReached([true, true, true, false, false, true, false], rule)).toBe(false);
	});

	it('can be reached before there are as many results as the window', () => {
		expect(masteryReached([true, true, true], rule)).toBe(true);
		expect(masteryReached([true, true], rule)).toBe(false);
		expect(masteryReached([], rule)).toBe(false);
	});
});
