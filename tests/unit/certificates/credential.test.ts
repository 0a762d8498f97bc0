import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import {
	createLocalJWKSet,
	decodeProtectedHeader,
	generateKeyPair,
	jwtVerify,
	SignJWT
} from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	buildOpenBadgeCredential,
	hashIdentity
} from '../../../src/lib/server/certificates/credential.ts';
import {
	signCredentialJwt,
	verifyCredentialJwt
} from '../../../src/lib/server/certificates/credential-jwt.ts';
import {
	currentSigningKey,
	publicJwks,
	rotateKey
} from '../../../src/lib/server/certificates/keys.ts';
import type { CertificateSnapshot } from '../../../src/lib/server/certificates/types.ts';

const snapshot: CertificateSnapshot = {
	code: 'TMK-7K3Q-9XW2-M4',
	type: 'completion',
	holderName: 'Amina Ben Salah',
	courseSlug: 'urban-planning',
	courseTitle: { ar: 'التخطيط الحضري المستدام', fr: 'Planification urbaine durable' },
	courseVersion: '3.0.0',
	hours: 12,
	score: 85,
	issuedAt: '2026-11-22T09:30:00.000Z',
	issuerName: 'CFAD',
	signatories: [],
	locales: ['fr', 'ar']
};
const options = {
	verifyUrl: 'https://tamkeen.example.org/verify/TMK-7K3Q-9XW2-M4',
	issuer: { id: 'https://tamkeen.example.org/', name: 'CFAD', url: 'https://tamkeen.example.org/' },
	email: ' Amina@Example.TN ',
	salt: 'Kosher'
};

let dataDir: string;
beforeEach(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-credential-'));
});
afterEach(() => {
	fs.rmSync(dataDir, { recursive: true, force: true });
});

// The official 1EdTech schema, vendored (see tests/fixtures/certificates/README.md).
const schema = JSON.parse(
	fs.readFileSync(
		path.resolve('tests/fixtures/certificates/ob_v3p0_achievementcredential_schema.json'),
		'utf8'
	)
) as object;
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Base64url-decoded middle part of a JWT, edited, re-encoded; the signature is left as it was. */
function tamper(jwt: string, edit: (payload: Record<string, unknown>) => void): string {
	const [header, payload, signature] = jwt.split('.');
	const json = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<
		string,
		unknown
	>;
	edit(json);
	return [header, Buffer.from(JSON.stringify(json)).toString('base64url'), signature].join('.');
}

describe('Open Badges 3.0 credential', () => {
	it('hashes the identity as OB 3.0 specifies (its own example: a@example.com + Kosher)', () => {
		expect(hashIdentity('a@example.com', 'Kosher')).toBe(
			'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399'
		);
	});

	it('validates against the official OB 3.0 AchievementCredential schema, in every language and type', () => {
		for (const locale of ['ar', 'fr', 'en'] as const)
			for (const type of ['completion', 'participation'] as const) {
				const vc = buildOpenBadgeCredential(
					{ ...snapshot, type, score: null },
					{ ...options, locale }
				);
				expect(validate(vc), JSON.stringify(validate.errors)).toBe(true);
			}
	});

	it('is caught by the schema when a required part is missing (the check can fail)', () => {
		const vc = buildOpenBadgeCredential(snapshot, options) as unknown as Record<string, unknown>;
		const { validFrom: _, ...noDate } = vc;
		expect(validate(noDate)).toBe(false);
		expect(validate({ ...vc, '@context': ['https://www.w3.org/2018/credentials/v1'] })).toBe(false);
	});

	it('names the course, its issuer and the holder (by hash only), with no e-mail in clear', () => {
		const vc = buildOpenBadgeCredential(snapshot, options);
		expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(vc.id).toBe(options.verifyUrl);
		expect(vc.issuer).toEqual({ ...options.issuer, type: ['Profile'] });
		expect(vc.validFrom).toBe('2026-11-22T09:30:00.000Z');
		expect(vc.credentialSubject.type).toContain('AchievementSubject');
		const a = vc.credentialSubject.achievement;
		expect(a.type).toContain('Achievement');
		expect(a.achievementType).toBe('CertificateOfCompletion');
		expect(a.name).toBe('Planification urbaine durable');
		expect(a.inLanguage).toMatch(/^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/);
		expect(a.criteria.narrative.length).toBeGreaterThan(10);
		const [identity] = vc.credentialSubject.identifier;
		expect(Object.keys(identity!).sort()).toEqual([
			'hashed',
			'identityHash',
			'identityType',
			'salt',
			'type'
		]);
		const expected = createHash('sha256').update('amina@example.tnKosher').digest('hex');
		expect(identity).toEqual({
			type: 'IdentityObject',
			identityHash: `sha256$${expected}`,
			identityType: 'emailAddress',
			hashed: true,
			salt: 'Kosher'
		});
		expect(JSON.stringify(vc).toLowerCase()).not.toContain('amina@example.tn');
	});

	it('uses a fresh salt per credential when none is given, and the extension type for participation', () => {
		const { salt: _, ...noSalt } = options;
		const a = buildOpenBadgeCredential({ ...snapshot, type: 'participation' }, noSalt);
		const b = buildOpenBadgeCredential(snapshot, noSalt);
		expect(a.credentialSubject.identifier[0]!.salt).not.toBe(
			b.credentialSubject.identifier[0]!.salt
		);
		expect(a.credentialSubject.achievement.achievementType).toMatch(/^ext:[a-zA-Z0-9._-]+$/);
	});

	it('signs as a VC-JWT that verifies against the published JWKS', async () => {
		const key = await currentSigningKey(dataDir);
		const vc = buildOpenBadgeCredential(snapshot, options);
		const jwt = await signCredentialJwt(vc, key);
		expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' });
		const jwks = await publicJwks(dataDir);
		// Any standard JOSE library can check it with the public set alone.
		const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks));
		expect(payload).toMatchObject({
			iss: vc.issuer.id,
			jti: vc.id,
			nbf: Date.parse(vc.validFrom) / 1000
		});
		expect(payload).not.toHaveProperty('vc');
		const result = await verifyCredentialJwt(jwt, jwks);
		expect(result).toEqual({ ok: true, credential: vc, kid: key.kid });
	});

	it('still verifies credentials signed before a key rotation', async () => {
		const jwt = await signCredentialJwt(
			buildOpenBadgeCredential(snapshot, options),
			await currentSigningKey(dataDir)
		);
		await rotateKey(dataDir);
		expect((await verifyCredentialJwt(jwt, await publicJwks(dataDir))).ok).toBe(true);
	});

	it('rejects a tampered payload as a bad signature', async () => {
		const jwt = await signCredentialJwt(
			buildOpenBadgeCredential(snapshot, options),
			await currentSigningKey(dataDir)
		);
		const forged = tamper(jwt, (p) => {
			(p.credentialSubject as { achievement: { name: string } }).achievement.name =
				'Something else';
		});
		expect(await verifyCredentialJwt(forged, await publicJwks(dataDir))).toEqual({
			ok: false,
			reason: 'bad_signature'
		});
	});

	it('rejects a JWT signed by a foreign key, whether or not it borrows one of our key ids', async () => {
		const ours = await currentSigningKey(dataDir);
		const jwks = await publicJwks(dataDir);
		const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
		const vc = buildOpenBadgeCredential(snapshot, options);
		const sign = (kid: string) =>
			new SignJWT({ ...vc })
				.setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
				.setIssuer(vc.issuer.id)
				.setJti(vc.id)
				.sign(privateKey);
		expect(await verifyCredentialJwt(await sign('2020-01-01-stranger'), jwks)).toEqual({
			ok: false,
			reason: 'unknown_key'
		});
		expect(await verifyCredentialJwt(await sign(ours.kid), jwks)).toEqual({
			ok: false,
			reason: 'bad_signature'
		});
	});

	it('reports expired and malformed tokens as such', async () => {
		const key = await currentSigningKey(dataDir);
		const jwks = await publicJwks(dataDir);
		const expired = buildOpenBadgeCredential(
			{ ...snapshot, issuedAt: '2020-01-01T00:00:00.000Z' },
			options
		);
		expired.validUntil = new Date(Date.now() - 86_400_000).toISOString();
		expect(await verifyCredentialJwt(await signCredentialJwt(expired, key), jwks)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(await verifyCredentialJwt('not.a.jwt', jwks)).toEqual({
			ok: false,
			reason: 'malformed'
		});
		const notABadge = await new SignJWT({ hello: 'world' })
			.setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
			.sign(key.privateKey);
		expect(await verifyCredentialJwt(notABadge, jwks)).toEqual({ ok: false, reason: 'malformed' });
	});
});
