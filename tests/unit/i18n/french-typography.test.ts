import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const NNBSP = '\u202f';

/** Every text a message can show: plain strings and each variant of a plural message. */
function texts(value: unknown, key: string): [string, string][] {
	if (typeof value === 'string') return [[key, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${key}[${String(i)}]`));
	if (value && typeof value === 'object') {
		const match = (value as { match?: Record<string, unknown> }).match;
		return match ? Object.entries(match).flatMap(([k, v]) => texts(v, `${key} ${k}`)) : [];
	}
	return [];
}

/**
 * French sets a narrow no-break space before : ; ? ! and » and after «. A mark glued to a token
 * on both sides is not punctuation (db:backup, 10:30, https://, ?page=2) and is left alone.
 */
function typographyFaults(text: string): string[] {
	const faults: string[] = [];
	for (const m of text.matchAll(/(^|.)([:;?!»])(.|$)/gsu)) {
		const [whole, before = '', , after = ''] = m;
		const glued = before !== '' && !/\s/u.test(before) && after !== '' && !/\s/u.test(after);
		if (before !== NNBSP && !glued) faults.push(whole);
	}
	for (const m of text.matchAll(/«(.|$)/gsu)) if (m[1] !== NNBSP) faults.push(m[0]);
	return faults;
}

describe('French typography in messages/fr.json', () => {
	it('puts a narrow no-break space before : ; ? ! » and after «, in every message', () => {
		const fr = JSON.parse(fs.readFileSync('messages/fr.json', 'utf8')) as Record<string, unknown>;
		const faults = Object.entries(fr)
			.filter(([key]) => key !== '$schema')
			.flatMap(([key, value]) => texts(value, key))
			.flatMap(([key, text]) => typographyFaults(text).map((f) => `${key}: ${JSON.stringify(f)}`));
		expect(faults).toEqual([]);
	});

	it('catches a plain space, a no-break space or no space before the mark', () => {
		expect(typographyFaults('Pour qui ?')).toEqual([' ?']);
		expect(typographyFaults('Rôle\u00a0: x')).toEqual(['\u00a0: ']);
		expect(typographyFaults('Quoi!')).toEqual(['i!']);
		expect(typographyFaults('« x »')).toEqual([' »', '« ']);
		expect(typographyFaults(`Rôle${NNBSP}: {role} «${NNBSP}x${NNBSP}»`)).toEqual([]);
	});

	it('leaves commands, times, addresses and query strings alone', () => {
		expect(typographyFaults('npm run db:backup à 10:30 sur https://x.tn/?a=1')).toEqual([]);
	});
});
