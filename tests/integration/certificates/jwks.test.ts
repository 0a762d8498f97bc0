import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { buildOpenBadgeCredential } from '../../../src/lib/server/certificates/credential.ts';
import { signCredentialJwt } from '../../../src/lib/server/certificates/credential-jwt.ts';
import { currentSigningKey, rotateKey } from '../../../src/lib/server/certificates/keys.ts';

type Jwks = { keys: Record<string, unknown>[] };

let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ courses: true })));
afterAll(() => h.close());

describe('/.well-known/jwks.json', () => {
	it('publishes the signing key created at start, public parts only', async () => {
		const res = await h.app.inject({ url: '/.well-known/jwks.json' });
		expect(res.statusCode).toBe(200);
		expect(res.headers['cache-control']).toBe('public, max-age=300');
		const { keys } = res.json<Jwks>();
		expect(keys).toHaveLength(1);
		expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
		expect(keys[0]).not.toHaveProperty('d');
	});

	it('lets a standard JOSE library verify what we sign, also after a key rotation', async () => {
		const dataDir = path.dirname(h.t.file);
		const snapshot = {
			code: 'TMK-7K3Q-9XW2-M4',
			type: 'completion' as const,
			holderName: 'Amina Ben Salah',
			courseSlug: 'participatory-governance',
			courseTitle: { fr: 'Gouvernance participative' },
			courseVersion: '1.0.0',
			hours: 8,
			score: 90,
			issuedAt: '2026-11-22T10:00:00.000Z',
			issuerName: 'Tamkeen',
			signatories: [],
			locales: ['fr' as const]
		};
		const vc = buildOpenBadgeCredential(snapshot, {
			verifyUrl: 'http://localhost/fr/verify/TMK-7K3Q-9XW2-M4',
			issuer: { id: 'http://localhost/', name: 'Tamkeen', url: 'http://localhost/' },
			email: 'amina@example.tn'
		});
		const oldJwt = await signCredentialJwt(vc, await currentSigningKey(dataDir));
		await rotateKey(dataDir);
		const newJwt = await signCredentialJwt(vc, await currentSigningKey(dataDir));
		const jwks = createLocalJWKSet((await h.app.inject({ url: '/.well-known/jwks.json' })).json());
		for (const jwt of [oldJwt, newJwt]) {
			const { payload } = await jwtVerify(jwt, jwks);
			expect(payload.jti).toBe('http://localhost/fr/verify/TMK-7K3Q-9XW2-M4');
		}
		const tampered = oldJwt.replace(/\.([^.]+)\./, (_m, p: string) => `.${p.slice(0, -4)}AAAA.`);
		await expect(jwtVerify(tampered, jwks)).rejects.toThrow();
	});
});

describe('npm run keys:rotate', () => {
	it('makes a new key current and keeps publishing the old one', async () => {
		const dataDir = path.dirname(h.t.file);
		const before = (await h.app.inject({ url: '/.well-known/jwks.json' })).json<Jwks>().keys.length;
		const out = execFileSync('node_modules/.bin/tsx', ['src/cli/keys-rotate.ts'], {
			env: { ...process.env, DATABASE_URL: h.t.file, DATA_DIR: dataDir },
			encoding: 'utf8'
		});
		expect(out).toMatch(/New signing key \S+; \d+ public key\(s\) published/);
		const after = (await h.app.inject({ url: '/.well-known/jwks.json' })).json<Jwks>().keys;
		expect(after).toHaveLength(before + 1);
		expect((await currentSigningKey(dataDir)).kid).toBe(/New signing key (\S+);/.exec(out)![1]);
	});
});
