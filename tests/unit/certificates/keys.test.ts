import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	currentSigningKey,
	loadKeys,
	publicJwks,
	rotateKey
} from '../../../src/lib/server/certificates/keys.ts';

let dataDir: string;
beforeEach(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-keys-'));
});
afterEach(() => {
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('signing keys', () => {
	it('are created on first use as Ed25519 JWK files readable by the owner only', async () => {
		expect(await loadKeys(dataDir)).toEqual([]);
		const key = await currentSigningKey(dataDir);
		expect(key.kid).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-z]{10}$/);
		const file = path.join(dataDir, 'keys', `${key.kid}.jwk.json`);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.statSync(path.join(dataDir, 'keys')).mode & 0o077).toBe(0);
		const jwk = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
		expect(jwk).toMatchObject({
			kty: 'OKP',
			crv: 'Ed25519',
			kid: key.kid,
			alg: 'EdDSA',
			use: 'sig'
		});
		expect(typeof jwk.d).toBe('string');
	});

	it('are kept across restarts: the same key signs until rotated', async () => {
		const first = await currentSigningKey(dataDir);
		const again = await currentSigningKey(dataDir);
		expect(again.kid).toBe(first.kid);
		expect(again.publicJwk).toEqual(first.publicJwk);
		expect(await loadKeys(dataDir)).toHaveLength(1);
	});

	it('rotate to a new current key while old public keys stay published', async () => {
		const old = await currentSigningKey(dataDir);
		const rotated = await rotateKey(dataDir);
		expect(rotated.kid).not.toBe(old.kid);
		expect((await currentSigningKey(dataDir)).kid).toBe(rotated.kid);
		const kids = (await publicJwks(dataDir)).keys.map((k) => k.kid);
		expect(kids.sort()).toEqual([old.kid, rotated.kid].sort());
	});

	it('publish only public parts, with kid, alg, use and curve', async () => {
		await currentSigningKey(dataDir);
		await rotateKey(dataDir);
		const jwks = await publicJwks(dataDir);
		expect(jwks.keys).toHaveLength(2);
		for (const k of jwks.keys) {
			expect(Object.keys(k).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
			expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
		}
		expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
	});

	it('refuse a current pointer to a key that is not there, rather than silently making another', async () => {
		await currentSigningKey(dataDir);
		fs.writeFileSync(path.join(dataDir, 'keys', 'current'), '2020-01-01-missing');
		await expect(currentSigningKey(dataDir)).rejects.toThrow(/2020-01-01-missing/);
	});
});
