/**
 * Certificate codes: `TMK-XXXX-XXXX-XX`, ten Crockford base32 symbols. Nine carry 45 random bits;
 * the tenth is Crockford's mod-37 check symbol, so a mistyped symbol or two swapped neighbours are
 * caught before any lookup. Crockford's alphabet leaves out I, L, O and U so codes survive being
 * read aloud, handwritten or typed from a printed page.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_SYMBOLS = 9;
const PREFIX = 'TMK';

/**
 * Crockford's check is the value mod 37; remainders 32 to 36 would need the symbols `*~$=U`,
 * which don't fit a code people type. Generation skips those values instead (about 0.2 bits of
 * the 45), so every check symbol is an ordinary alphabet symbol.
 */
function checkIndex(value: number): number {
	return value % 37;
}

function encode(value: number): string {
	let out = '';
	for (let i = 0; i < DATA_SYMBOLS; i++) {
		out = ALPHABET.charAt(value % 32) + out;
		value = Math.floor(value / 32);
	}
	return out;
}

function decode(symbols: string): number {
	let value = 0;
	for (const s of symbols) value = value * 32 + ALPHABET.indexOf(s);
	return value;
}

function format(symbols: string): string {
	return `${PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 10)}`;
}

/** A new random code such as `TMK-7K3Q-9XW2-M4` (45 random bits plus a check symbol). */
export function generateCertificateCode(): string {
	const bytes = new Uint8Array(6);
	for (;;) {
		crypto.getRandomValues(bytes);
		// 48 random bits, of which the top 3 are dropped: 45 bits stays well inside 2^53.
		let value = 0;
		for (const b of bytes) value = value * 256 + b;
		value = value % 2 ** 45;
		const check = checkIndex(value);
		if (check < 32) return format(encode(value) + ALPHABET.charAt(check));
	}
}

/**
 * The canonical `TMK-XXXX-XXXX-XX` form of what someone typed, or null when it can't be a code.
 * Accepts lower case, spaces, missing dashes or prefix, and Crockford's look-alikes (I and L
 * for 1, O for 0). Does not check the check symbol: `isValidCertificateCode` does, so a page
 * can tell "mistyped" apart from "not a code".
 */
export function normaliseCertificateCode(input: string): string | null {
	let s = input.toUpperCase().replace(/[\s\-_.]/g, '');
	if (s.length === DATA_SYMBOLS + 1 + PREFIX.length && s.startsWith(PREFIX))
		s = s.slice(PREFIX.length);
	s = s.replace(/[IL]/g, '1').replace(/O/g, '0');
	if (s.length !== DATA_SYMBOLS + 1) return null;
	for (const c of s) if (!ALPHABET.includes(c)) return null;
	return format(s);
}

/** True when the input normalises to a code whose check symbol matches its data. */
export function isValidCertificateCode(input: string): boolean {
	const code = normaliseCertificateCode(input);
	if (!code) return false;
	const symbols = code.slice(PREFIX.length).replace(/-/g, '');
	return ALPHABET[checkIndex(decode(symbols.slice(0, DATA_SYMBOLS)))] === symbols[DATA_SYMBOLS];
}
