import { describe, expect, it } from 'vitest';
import { visualRuns } from '../../../src/lib/server/certificates/bidi-runs.ts';

const texts = (line: string, dir: 'ltr' | 'rtl') => visualRuns(line, dir).map((r) => r.text);

describe('bidi visual runs', () => {
	it('leave a Latin line as one run', () => {
		expect(texts('Sustainable urban planning (SDG 11)', 'ltr')).toEqual([
			'Sustainable urban planning (SDG 11)'
		]);
	});

	it('hand a pure Arabic line over whole, in logical order, for fontkit to reverse', () => {
		expect(visualRuns('شهادة إتمام', 'rtl')).toEqual([{ text: 'شهادة إتمام', rtl: true }]);
	});

	it('put a Latin name inside an Arabic sentence in its place, reading from the right', () => {
		expect(texts('تُمنح الشهادة إلى Amina Ben Salah بتاريخ اليوم', 'rtl')).toEqual([
			' بتاريخ اليوم',
			'Amina Ben Salah',
			'تُمنح الشهادة إلى '
		]);
	});

	it('keep a line that starts with a Latin name right-to-left on an Arabic certificate', () => {
		expect(texts('Amina Ben Salah أتمت الدورة', 'rtl')).toEqual([
			' أتمت الدورة',
			'Amina Ben Salah'
		]);
	});

	it('mirror brackets around Latin text in an Arabic title, which fontkit does not do', () => {
		expect(texts('التخطيط الحضري (SDG 11) للبلديات', 'rtl')).toEqual([
			'( للبلديات',
			'SDG 11',
			'التخطيط الحضري )'
		]);
	});

	it('keep European digits in reading order inside Arabic', () => {
		expect(texts('عدد الساعات: 12', 'rtl')).toEqual(['12', 'عدد الساعات: ']);
	});

	it('pre-reverse Arabic-Indic digits, which fontkit would otherwise reverse', () => {
		expect(visualRuns('المدة ١٢ ساعة', 'rtl')).toEqual([
			{ text: ' ساعة', rtl: true },
			{ text: '٢١', rtl: false },
			{ text: 'المدة ', rtl: true }
		]);
	});

	it('mirror and reverse right-to-left runs that have no Arabic letter, which fontkit leaves alone', () => {
		// On an Arabic certificate the brackets and quotes around a Latin name resolve to RTL runs of
		// their own: without mirroring they would print as ")Amina(".
		expect(texts('(Amina)', 'rtl')).toEqual(['(', 'Amina', ')']);
		expect(texts('«- Amina -»', 'rtl')).toEqual(['«- ', 'Amina', ' -»']);
	});

	it('draw nothing for an empty line', () => {
		expect(visualRuns('   ', 'rtl')).toEqual([]);
	});
});
