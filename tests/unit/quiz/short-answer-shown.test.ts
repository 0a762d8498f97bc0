import { describe, expect, it } from 'vitest';
import { answerKey } from '../../../src/lib/server/quiz/attempts/answers.ts';
import { short } from './sample-questions.ts';

describe('the answer a review shows for a short question', () => {
	it('is the display answer in the attempt language when the question has one', () => {
		const q = { ...short, body: { ...short.body, display: { fr: 'la commune', ar: 'البلدية' } } };
		expect(answerKey(q, 'fr')).toBe('la commune');
		expect(answerKey(q, 'ar')).toBe('البلدية');
	});

	it('falls back to the first accepted pattern without wildcards, never the pattern list (issue 11 #6)', () => {
		expect(answerKey(short, 'fr')).toBe('commune');
		const wild = { ...short, body: { ...short.body, accept: { fr: ['*subsidiarit*', 'x'] } } };
		expect(answerKey(wild, 'fr')).toBe('subsidiarit');
	});
});
