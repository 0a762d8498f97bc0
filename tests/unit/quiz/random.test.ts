import { describe, expect, it } from 'vitest';
import { createRandom, drawQuestions, shuffle } from '../../../src/lib/server/quiz/random.ts';
import { description, everyType } from './sample-questions.ts';

describe('shuffle', () => {
	const items = Array.from({ length: 20 }, (_, i) => i);

	it('gives the same order for the same seed and keeps every item', () => {
		expect(shuffle(items, 'seed-a')).toEqual(shuffle(items, 'seed-a'));
		expect([...shuffle(items, 42)].sort((a, b) => a - b)).toEqual(items);
	});

	it('gives other orders for other seeds and leaves the input alone', () => {
		expect(shuffle(items, 1)).not.toEqual(shuffle(items, 2));
		expect(shuffle(items, 1)).not.toEqual(items);
		expect(items[0]).toBe(0);
	});

	it('draws numbers in [0, 1)', () => {
		const random = createRandom(123);
		for (let i = 0; i < 1000; i++) {
			const x = random();
			expect(x >= 0 && x < 1).toBe(true);
		}
	});
});

describe('drawQuestions', () => {
	it('draws the same questions for the same seed, in pool order, without descriptions', () => {
		const a = drawQuestions(everyType, { draw: 4, seed: 'attempt-9' });
		expect(a).toEqual(drawQuestions(everyType, { draw: 4, seed: 'attempt-9' }));
		expect(a).toHaveLength(4);
		expect(a).not.toContain(description);
		const positions = a.map((q) => everyType.indexOf(q));
		expect(positions).toEqual([...positions].sort((x, y) => x - y));
	});

	it('draws different questions for different seeds', () => {
		const picks = new Set(
			[1, 2, 3, 4, 5].map((seed) =>
				drawQuestions(everyType, { draw: 3, seed })
					.map((q) => q.id)
					.join()
			)
		);
		expect(picks.size).toBeGreaterThan(1);
	});

	it('uses the whole pool when there is no draw or it covers the pool', () => {
		expect(drawQuestions(everyType, { draw: null, seed: 1 })).toEqual(everyType);
		expect(drawQuestions(everyType, { draw: 99, seed: 1 })).toEqual(everyType);
	});
});
