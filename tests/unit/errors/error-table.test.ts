import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/lib/server/errors.ts';
import { describeCode, describeError, isMappedCode } from '../../../src/lib/server/error-table.ts';

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'paraglide' ? [] : sources(p);
		return /\.(ts|svelte)$/.test(e.name) ? [p] : [];
	});
}

describe('the error table', () => {
	it('maps every code a DomainError is thrown with anywhere in src/', () => {
		const thrown = new Set<string>();
		for (const file of sources('src')) {
			for (const m of fs.readFileSync(file, 'utf8').matchAll(/new DomainError\(\s*'([a-z_]+)'/g))
				thrown.add(m[1] ?? '');
		}
		expect(thrown.size).toBeGreaterThan(20);
		expect([...thrown].filter((code) => !isMappedCode(code))).toEqual([]);
	});

	it('gives each refusal its status and a sentence in Arabic and French', () => {
		expect(describeCode('not_found', 'fr')).toEqual({
			status: 404,
			code: 'not_found',
			message: 'Introuvable.'
		});
		expect(describeCode('email_taken', 'ar').status).toBe(409);
		expect(describeCode('forbidden', 'ar').status).toBe(403);
		expect(describeCode('cooldown', 'fr').status).toBe(429);
		expect(describeCode('attempt_submitted', 'ar').message).toMatch(/[\u0600-\u06FF]/);
		expect(describeCode('attempt_submitted', 'fr').message).toBe(
			'Cette tentative a déjà été remise.'
		);
	});

	it('fills the numbers a sentence needs from the error’s details', () => {
		const e = new DomainError('attempts_exhausted', undefined, { used: 3, allowed: 3 });
		expect(describeError(e, 'fr').message).toContain('3');
		expect(describeError(e, 'fr').status).toBe(403);
		const wait = new DomainError('cooldown', undefined, { secondsLeft: 150 });
		expect(describeError(wait, 'en').message).toBe('You can try again in 3 min.');
	});

	it('keeps the field a refusal is about', () => {
		expect(describeError(new DomainError('email_taken', 'email'), 'fr')).toMatchObject({
			status: 409,
			field: 'email'
		});
	});

	it('answers an unknown code with 400 and a general sentence, never a 500', () => {
		const r = describeError(new DomainError('no_such_code_yet'), 'fr');
		expect(r.status).toBe(400);
		expect(r.message).toBe(describeCode('no_such_code_yet', 'fr').message);
		expect(r.message.length).toBeGreaterThan(10);
	});
});
