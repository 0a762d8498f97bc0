import { describe, expect, it } from 'vitest';
import {
	generateCertificateCode,
	isValidCertificateCode,
	normaliseCertificateCode
} from '../../../src/lib/server/certificates/code.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('certificate codes', () => {
	it('look like TMK-XXXX-XXXX-XX in Crockford base32 and pass their own check', () => {
		for (let i = 0; i < 200; i++) {
			const code = generateCertificateCode();
			expect(code).toMatch(
				/^TMK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/
			);
			expect(isValidCertificateCode(code)).toBe(true);
		}
	});

	it('are unique and use every symbol evenly over many draws', () => {
		const codes = Array.from({ length: 20_000 }, generateCertificateCode);
		expect(new Set(codes).size).toBe(codes.length);
		// The first data symbol of each code: 20,000 draws over 32 symbols, ~625 each.
		const counts = new Map<string, number>();
		for (const c of codes) counts.set(c[4]!, (counts.get(c[4]!) ?? 0) + 1);
		expect(counts.size).toBe(32);
		for (const n of counts.values()) expect(n).toBeGreaterThan(450);
	});

	it('accept lower case, spaces, missing dashes and prefix, and Crockford look-alikes', () => {
		const code = 'TMK-7K3Q-9XW2-M4';
		expect(normaliseCertificateCode('tmk-7k3q-9xw2-m4')).toBe(code);
		expect(normaliseCertificateCode(' TMK 7K3Q 9XW2 M4 ')).toBe(code);
		expect(normaliseCertificateCode('7k3q9xw2m4')).toBe(code);
		expect(normaliseCertificateCode('TMK7K3Q9XW2M4')).toBe(code);
		expect(normaliseCertificateCode('TMK-IO3Q-9XW2-M4')).toBe('TMK-103Q-9XW2-M4');
		expect(normaliseCertificateCode('TMK-lo3Q-9XW2-M4')).toBe('TMK-103Q-9XW2-M4');
	});

	it('reject what cannot be a code', () => {
		expect(normaliseCertificateCode('')).toBeNull();
		expect(normaliseCertificateCode('TMK-7K3Q-9XW2')).toBeNull();
		expect(normaliseCertificateCode('TMK-7K3Q-9XW2-M4X')).toBeNull();
		expect(normaliseCertificateCode('TMK-7K3Q-9XW2-MU')).toBeNull();
		expect(normaliseCertificateCode('TMK-7K3Q-9XW2-M*')).toBeNull();
		expect(isValidCertificateCode('not a code')).toBe(false);
	});

	it('catch every single mistyped symbol and every swap of two neighbours', () => {
		for (let n = 0; n < 20; n++) {
			const symbols = generateCertificateCode().slice(4).replace(/-/g, '');
			for (let i = 0; i < symbols.length; i++) {
				for (const other of CROCKFORD) {
					if (other === symbols[i]) continue;
					const typo = symbols.slice(0, i) + other + symbols.slice(i + 1);
					expect(isValidCertificateCode(typo), typo).toBe(false);
				}
				const j = i + 1;
				if (j < symbols.length && symbols[i] !== symbols[j]) {
					const swapped =
						symbols.slice(0, i) + symbols.charAt(j) + symbols.charAt(i) + symbols.slice(j + 1);
					expect(isValidCertificateCode(swapped), swapped).toBe(false);
				}
			}
		}
	});

	it('still validate a code typed with look-alikes and no dashes', () => {
		const code = generateCertificateCode();
		const typed = code.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
		expect(isValidCertificateCode(typed)).toBe(true);
	});
});
