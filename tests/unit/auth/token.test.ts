import { describe, expect, it } from 'vitest';
import { generateId, generateToken, hashToken } from '../../../src/lib/server/auth/token.ts';

describe('tokens', () => {
	it('are 32 base32 characters (160 random bits) and never repeat', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateToken));
		expect(tokens.size).toBe(1000);
		for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{32}$/);
	});

	it('are stored as their SHA-256, which is stable and not the token', () => {
		const t = generateToken();
		expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(t)).toBe(hashToken(t));
		expect(hashToken(t)).not.toContain(t);
		// Known vector: SHA-256("abc").
		expect(hashToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('ids are unique and URL-safe', () => {
		const ids = new Set(Array.from({ length: 500 }, generateId));
		expect(ids.size).toBe(500);
		for (const id of ids) expect(id).toMatch(/^[a-z2-7]+$/);
	});
});
