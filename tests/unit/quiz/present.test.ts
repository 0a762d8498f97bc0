import { describe, expect, it } from 'vitest';
import { presentQuestion } from '../../../src/lib/server/quiz/present.ts';
import * as q from './sample-questions.ts';

const SECRET_KEYS = [
	'correct',
	'fraction',
	'answer',
	'accept',
	'tolerance',
	'min',
	'max',
	'feedback',
	'feedbackTrue',
	'feedbackFalse',
	'match',
	'body'
];
// Values that would give an answer away if they reached the browser.
const SECRET_VALUES = [
	'commune',
	'municipalit',
	'بلدية',
	'3.14',
	'0.01',
	'Oui.',
	'Non.',
	'Si, elle la perçoit.',
	'"12"',
	'60'
];

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
	if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
	else if (value && typeof value === 'object')
		for (const [key, inner] of Object.entries(value)) {
			into.add(key);
			keysOf(inner, into);
		}
	return into;
}

describe('presentQuestion', () => {
	it('never sends a key or value that tells the answer, for any type, locale or shuffle', () => {
		for (const locale of ['fr', 'ar'] as const)
			for (const shuffleOptions of [true, false]) {
				const shown = q.everyType.map((question) =>
					presentQuestion(question, { locale, shuffleOptions, seed: 'attempt-1' })
				);
				const json = JSON.stringify(shown);
				const keys = keysOf(JSON.parse(json));
				for (const key of SECRET_KEYS) expect(keys, `key ${key}`).not.toContain(key);
				for (const value of SECRET_VALUES) expect(json, `value ${value}`).not.toContain(value);
			}
	});

	it('shows the prompt and option texts in the locale, falling back when one is missing', () => {
		const ar = presentQuestion(q.single, { locale: 'ar', shuffleOptions: false, seed: 1 });
		expect(ar.prompt).toBe('من يصادق على الميزانية؟');
		expect(ar.options?.map((o) => o.text)).toEqual(['المجلس', 'الوالي', 'الوزارة']);
		const fallback = presentQuestion(q.multiple, { locale: 'ar', shuffleOptions: false, seed: 1 });
		expect(fallback.prompt).toBe('Ressources propres ?');
	});

	it('keeps the written order of options unless asked to shuffle', () => {
		const ids = (shuffleOptions: boolean, seed: number) =>
			presentQuestion(q.multiple, { locale: 'fr', shuffleOptions, seed }).options?.map((o) => o.id);
		expect(ids(false, 7)).toEqual(['tax', 'fee', 'grant', 'loan']);
		expect(ids(true, 7)).toEqual(ids(true, 7));
		const orders = new Set([1, 2, 3, 4, 5, 6].map((seed) => ids(true, seed)?.join()));
		expect(orders.size).toBeGreaterThan(1);
	});

	it('always shuffles matching answers and ordering items, with ids that are not the authors', () => {
		const texts = (seed: number) =>
			presentQuestion(q.ordering, { locale: 'fr', shuffleOptions: false, seed }).items?.map(
				(i) => i.text
			);
		const orders = new Set([1, 2, 3, 4, 5, 6].map((seed) => texts(seed)?.join()));
		expect(orders.size).toBeGreaterThan(1);
		const shown = presentQuestion(q.ordering, { locale: 'fr', shuffleOptions: false, seed: 1 });
		expect(shown.items?.map((i) => i.id)).not.toContain('1');
		const matching = presentQuestion(q.matching, { locale: 'fr', shuffleOptions: false, seed: 1 });
		expect(matching.pairs?.map((p) => p.text)).toEqual(['Budget', 'Compte', 'Audit', 'Plan']);
		expect(matching.matches).toHaveLength(4);
		expect(matching.matches?.map((m) => m.id)).not.toContain('p1');
	});

	it('shows the unit of a numeric question and the guidance of an essay', () => {
		const shown = (question: typeof q.numeric) =>
			presentQuestion(question, { locale: 'fr', shuffleOptions: false, seed: 1 });
		expect(shown(q.numeric).unit).toBe('sans unité');
		expect(shown(q.essay)).toMatchObject({ minWords: 50, guidance: 'Qui, quand, comment.' });
	});
});
