import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/lib/server/text/clean.ts';

describe('cleanText', () => {
	it('removes bidi overrides, embeddings and isolates (issue 9 #11)', () => {
		expect(cleanText('Amina\u202Egpj.exe\u202C')).toBe('Aminagpj.exe');
		for (const c of [
			'\u202A',
			'\u202B',
			'\u202C',
			'\u202D',
			'\u202E',
			'\u2066',
			'\u2067',
			'\u2068',
			'\u2069'
		])
			expect(cleanText(`a${c}b`)).toBe('ab');
		expect(cleanText('a\u200E\u200F\u061Cb')).toBe('ab');
	});

	it('removes C0 and C1 controls and turns line breaks into single spaces', () => {
		expect(cleanText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Bg')).toBe('abcde fg');
		expect(cleanText(' one\r\ntwo\tthree\u2028four  ')).toBe('one two three four');
	});

	it('keeps zero-width joiners only between Arabic-script letters', () => {
		const persian = 'می\u200Cخواهم';
		expect(cleanText(persian)).toBe(persian);
		expect(cleanText('لا\u200Dم')).toBe('لا\u200Dم');
		expect(cleanText('ad\u200Dmin')).toBe('admin');
		expect(cleanText('\u200Cعلي\u200C')).toBe('علي');
		expect(cleanText('a\u200Bb\u2060c\uFEFFd')).toBe('abcd');
	});

	it('keeps Arabic, French and tashkeel as typed, composed', () => {
		expect(cleanText('مُحَمَّد بن علي')).toBe('مُحَمَّد بن علي');
		expect(cleanText('Ze\u0301lie')).toBe('Zélie');
	});

	it('drops lone surrogates', () => {
		expect(cleanText('a\uD800b\uDC00c')).toBe('abc');
		expect(cleanText('😀')).toBe('😀');
	});
});
