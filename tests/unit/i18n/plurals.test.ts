import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as m from '../../../src/lib/paraglide/messages.js';
import { countOf } from '../../../src/lib/format/numbers.ts';

type Locale = 'ar' | 'fr' | 'en';
type Variant = { selectors?: string[]; match?: Record<string, string> };
const read = (locale: Locale) =>
	JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>;

/** Messages whose text depends on a count: declared with a `countPlural` selector. */
const counted = (locale: Locale) =>
	Object.entries(read(locale)).flatMap(([key, value]) =>
		Array.isArray(value) && (value as Variant[])[0]?.selectors?.includes('countPlural')
			? [[key, (value as Variant[])[0]?.match ?? {}] as const]
			: []
	);

const say = (key: string, n: number, locale: Locale) => {
	const fn = (m as unknown as Record<string, (i: object, o: object) => string>)[key];
	if (!fn) throw new Error(`no message ${key}`);
	return fn({ ...countOf(n, locale), score: '5', percent: '50%', correct: '4' }, { locale });
};
const NS = [0, 1, 2, 3, 11, 100];

describe('counted nouns (issue 11 #15)', () => {
	it('counts minutes and points the Arabic way, in all six forms', () => {
		expect(NS.map((n) => say('lesson_minutes', n, 'ar'))).toEqual([
			'0 دقيقة',
			'دقيقة واحدة',
			'دقيقتان',
			'3 دقائق',
			'11 دقيقة',
			'100 دقيقة'
		]);
		expect(say('quiz_points', 8, 'ar')).toBe('8 نقاط');
		expect(say('quiz_time_limit', 6, 'ar')).toBe('المدة المتاحة: 6 دقائق');
		expect(say('quiz_error_cooldown', 2, 'ar')).toBe('يمكنك المحاولة من جديد بعد دقيقتين.');
		expect(say('admin_users_count', 11, 'ar')).toBe('11 مستخدمًا');
	});

	it('gives every counted Arabic message six forms, with the noun changing where Arabic changes it', () => {
		const messages = counted('ar');
		expect(messages.length).toBeGreaterThanOrEqual(14);
		for (const [key, match] of messages) {
			expect(Object.keys(match).sort(), key).toEqual(
				['zero', 'one', 'two', 'few', 'many', 'other'].map((c) => `countPlural=${c}`).sort()
			);
			const [zero, one, two, three, eleven, hundred] = NS.map((n) => say(key, n, 'ar'));
			// One and two are said with the noun alone (دقيقة واحدة، دقيقتان), never "1 دقيقة".
			expect(one, key).not.toMatch(/(^|\D)1 \p{Script=Arabic}/u);
			expect(two, key).not.toMatch(/(^|\D)2 \p{Script=Arabic}/u);
			// 3 takes the plural, 11 the singular accusative: "3 دقائق" but "11 دقيقة".
			expect(three?.replace(/\b3\b/g, 'N'), key).not.toBe(eleven?.replace(/\b11\b/g, 'N'));
			for (const [n, text] of [
				[0, zero],
				[3, three],
				[11, eleven],
				[100, hundred]
			] as const)
				expect(text, `${key} at ${String(n)}`).toContain(String(n));
		}
	});

	it('counts in French and English with singular and plural (0 is singular in French)', () => {
		for (const locale of ['fr', 'en'] as const) {
			const messages = counted(locale);
			expect(messages.map(([k]) => k).sort()).toEqual(
				counted('ar')
					.map(([k]) => k)
					.sort()
			);
			for (const [key, match] of messages) {
				expect(Object.keys(match), key).toContain('countPlural=one');
				expect(Object.keys(match), key).toContain('countPlural=other');
			}
		}
		expect(say('quiz_points', 1, 'en')).toBe('1 point');
		expect(say('quiz_points', 2, 'en')).toBe('2 points');
		expect(say('quiz_points', 0, 'fr')).toBe('0 point');
		expect(say('admin_users_count', 1200, 'fr')).toBe('1\u202f200 utilisateurs');
	});
});
