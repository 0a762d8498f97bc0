// scripts/i18n.mjs rewrites Paraglide's plural, number and getTextDirection to keep the Intl
// objects they build: the kept object must be the one for the same locale and options.
import { describe, expect, it } from 'vitest';
import { number, plural } from '../../../src/lib/paraglide/registry.js';
import { getTextDirection } from '../../../src/lib/paraglide/runtime.js';

describe('Paraglide formatters keep one Intl object per locale and options', () => {
	it('gives Arabic its six plural forms, call after call', () => {
		for (let round = 0; round < 2; round++) {
			expect([0, 1, 2, 3, 11, 100].map((n) => plural('ar', n))).toEqual([
				'zero',
				'one',
				'two',
				'few',
				'many',
				'other'
			]);
		}
	});

	it('does not answer an ordinal question with the cardinal rules of the same locale', () => {
		expect(plural('en', 2)).toBe('other');
		expect(plural('en', 2, { type: 'ordinal' })).toBe('two');
		expect(plural('en', 2)).toBe('other');
	});

	it('formats numbers per locale and options', () => {
		expect(number('en', 1234.5)).toBe('1,234.5');
		expect(number('en', 0.5, { style: 'percent' })).toBe('50%');
		expect(number('fr', 1234.5)).toBe('1\u202f234,5');
		expect(number('en', 1234.5)).toBe('1,234.5');
	});

	it('knows Arabic is written right to left and French left to right', () => {
		expect(getTextDirection('ar')).toBe('rtl');
		expect(getTextDirection('fr')).toBe('ltr');
		expect(getTextDirection('ar')).toBe('rtl');
	});
});
