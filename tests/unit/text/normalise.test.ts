import { describe, expect, it } from 'vitest';
import { normaliseText, normaliseWithMap } from '../../../src/lib/server/text/normalise.ts';

describe('normaliseText', () => {
	it('strips tashkeel and tatweel', () => {
		expect(normaliseText('المُشَارَكَة')).toBe(normaliseText('المشاركة'));
		expect(normaliseText('مـــديـنـة')).toBe(normaliseText('مدينة'));
	});

	it('unifies alef forms, alef maksura and teh marbuta', () => {
		expect(normaliseText('أإآا')).toBe('اااا');
		expect(normaliseText('مستوى')).toBe('مستوي');
		expect(normaliseText('بلدية')).toBe('بلديه');
		expect(normaliseText('الإدارة')).toBe(normaliseText('الاداره'));
	});

	it('folds French accents and case', () => {
		expect(normaliseText('Élaboration Participative')).toBe('elaboration participative');
		expect(normaliseText('Gabès')).toBe('gabes');
	});

	it('reads Arabic-Indic digits as digits and folds spaces', () => {
		expect(normaliseText('٢٠١٨')).toBe('2018');
		expect(normaliseText('  a \n b  ')).toBe('a b');
	});
});

describe('normaliseWithMap', () => {
	it('maps every normalised character back to where it came from', () => {
		const original = 'الإِدارة  المحلية';
		const { text, map } = normaliseWithMap(original);
		expect(text).toBe(normaliseText(original));
		const at = text.indexOf('المحليه');
		expect(original.slice(map[at])).toBe('المحلية');
	});
});
