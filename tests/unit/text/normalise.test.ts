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

	it('folds hamza seats: ئ to ي, ؤ to و, and the lone ء to ي', () => {
		expect(normaliseText('مسائلة')).toBe(normaliseText('مساءلة'));
		expect(normaliseText('مؤسسة')).toBe(normaliseText('موسسة'));
		expect(normaliseText('هيئة')).toBe(normaliseText('هيية'));
		expect(normaliseText('رئيس')).toBe('رييس');
		// إجراء stays a prefix of إجراءات and إجرائية, so a prefix search finds them.
		expect(normaliseText('إجراءات').startsWith(normaliseText('إجراء'))).toBe(true);
		expect(normaliseText('إجرائية').startsWith(normaliseText('إجراء'))).toBe(true);
	});

	it('keeps the hamza as a letter, so words that differ by it stay apart', () => {
		expect(normaliseText('رئيس')).not.toBe(normaliseText('ريس'));
		expect(normaliseText('سؤال')).not.toBe(normaliseText('سيال'));
		expect(normaliseText('مؤتمر')).not.toBe(normaliseText('متمر'));
		expect(normaliseText('جزء')).not.toBe(normaliseText('جز'));
		// ؤ folds to و, not ي: the two spellings of "responsible" are not merged.
		expect(normaliseText('مسؤول')).not.toBe(normaliseText('مسئول'));
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

	it('maps a folded hamza back to its seat in the original', () => {
		const original = 'آليات المُساءلة';
		const { text, map } = normaliseWithMap(original);
		expect(text).toBe(normaliseText(original));
		expect(original.slice(map[text.indexOf('مسايله')])).toBe('المُساءلة'.slice(2));
	});
});
