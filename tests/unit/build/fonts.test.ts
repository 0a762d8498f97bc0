import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arabicCodePoints, unicodeRange } from '../../../scripts/fonts.mjs';

describe('the Arabic font subset', () => {
	const points = new Set(arabicCodePoints());

	it('keeps every Arabic character of the interface messages', () => {
		const text = fs.readFileSync('messages/ar.json', 'utf8');
		// Code points, not graphemes: the subset is per character.
		const missing = Array.from(text.matchAll(/\p{Script=Arabic}/gu), ([c]) => c).filter(
			(c) => !points.has(c.codePointAt(0) ?? 0)
		);
		expect(missing).toEqual([]);
	});

	it('keeps every basic letter, so names nobody wrote in a course still render in it', () => {
		for (let c = 0x0621; c <= 0x064a; c++) if (c < 0x063b || c > 0x063f) expect(points.has(c)).toBe(true);
	});

	it('declares exactly its characters as a unicode-range, so others fall back to the system font', () => {
		expect(unicodeRange([0x60c, 0x621, 0x622, 0x623, 0x640])).toBe('U+60C, U+621-623, U+640');
	});
});
