import { createLocalJWKSet, errors, jwtVerify, SignJWT } from 'jose';
import type { OpenBadgeCredential } from './credential.ts';
import type { PublicJwks, SigningKey } from './keys.ts';

/**
 * OB 3.0 §8.2 "JSON Web Token Proof Format" (VC-JWT, with the VC Data Model 2.0 credential):
 * the JWT payload is the credential itself, its members at the top level (no `vc` wrapper),
 * plus the registered claims that mirror it: `iss` = issuer.id, `jti` = id, `nbf` = validFrom,
 * `exp` = validUntil when there is one, and `sub` = credentialSubject.id when there is one.
 * Ours has none (the holder is named by a salted e-mail hash), so there is no `sub`.
 * Header: `alg`, `kid` (a key in our /.well-known/jwks.json) and `typ: "JWT"`.
 */
const ALG = 'EdDSA';
const REGISTERED = ['iss', 'jti', 'nbf', 'exp', 'iat', 'sub'] as const;

export type VerifyFailure = 'bad_signature' | 'unknown_key' | 'malformed' | 'expired';
export type VerifyResult =
	{ ok: true; credential: OpenBadgeCredential; kid: string } | { ok: false; reason: VerifyFailure };

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The credential signed as a compact VC-JWT with the given key. */
export async function signCredentialJwt(
	credential: OpenBadgeCredential,
	key: SigningKey
): Promise<string> {
	const jwt = new SignJWT({ ...credential })
		.setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'JWT' })
		.setIssuer(credential.issuer.id)
		.setJti(credential.id)
		.setNotBefore(seconds(credential.validFrom));
	if (credential.validUntil) jwt.setExpirationTime(seconds(credential.validUntil));
	return jwt.sign(key.privateKey);
}

function reasonFor(e: unknown): VerifyFailure {
	if (e instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
	if (e instanceof errors.JWKSNoMatchingKey) return 'unknown_key';
	if (e instanceof errors.JWTExpired) return 'expired';
	return 'malformed';
}

function isCredential(
	payload: Record<string, unknown>
): payload is OpenBadgeCredential & Record<string, unknown> {
	const { type, issuer, credentialSubject } = payload as Partial<OpenBadgeCredential>;
	return (
		Array.isArray(type) &&
		type.includes('OpenBadgeCredential') &&
		typeof issuer?.id === 'string' &&
		typeof payload.id === 'string' &&
		typeof credentialSubject === 'object'
	);
}

/**
 * Checks a VC-JWT against a published key set: signature, key id, dates, and that the
 * registered claims agree with the credential they wrap (a JWT whose `iss` says one issuer
 * and whose credential names another is rejected as malformed).
 */
export async function verifyCredentialJwt(jwt: string, jwks: PublicJwks): Promise<VerifyResult> {
	try {
		const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), {
			algorithms: [ALG],
			clockTolerance: 300
		});
		if (!isCredential(payload) || payload.iss !== payload.issuer.id || payload.jti !== payload.id) {
			return { ok: false, reason: 'malformed' };
		}
		const credential = Object.fromEntries(
			Object.entries(payload).filter(([k]) => !(REGISTERED as readonly string[]).includes(k))
		);
		return {
			ok: true,
			credential: credential as OpenBadgeCredential,
			kid: protectedHeader.kid ?? ''
		};
	} catch (e) {
		return { ok: false, reason: reasonFor(e) };
	}
}
