import { describe, expect, it } from 'vitest';
import { isQuizResponse } from '../../../src/lib/server/input/quiz.ts';
import { validResponse } from '../../../src/lib/server/quiz/attempts/save.ts';

function nested(depth: number): unknown {
	let v: unknown = 'x';
	for (let i = 0; i < depth; i++) v = [v];
	return v;
}

describe('quiz response schema', () => {
	it('accepts every shape a question type takes', () => {
		for (const v of ['a', 3.5, true, ['a', 'b'], { left: 'right' }, []])
			expect(isQuizResponse(v)).toBe(true);
	});

	it('refuses nesting, null and oversize answers without walking them', () => {
		expect(isQuizResponse(nested(2))).toBe(false);
		expect(isQuizResponse(nested(100_000))).toBe(false);
		expect(isQuizResponse({ a: { b: 'c' } })).toBe(false);
		expect(isQuizResponse(null)).toBe(false);
		expect(isQuizResponse('x'.repeat(50_001))).toBe(false);
		expect(isQuizResponse(Array.from({ length: 201 }, () => 'a'))).toBe(false);
		expect(
			isQuizResponse(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [i, 'a'])))
		).toBe(false);
	});

	it('answers false, not a stack overflow, for 5000-deep JSON (issue 9 #5)', () => {
		const deep = JSON.parse('['.repeat(5000) + ']'.repeat(5000)) as unknown;
		expect(validResponse('multiple', deep)).toBe(false);
		expect(validResponse('matching', { a: deep })).toBe(false);
	});
});
