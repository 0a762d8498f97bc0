import type { Config } from '../config.ts';
import type { Certificate } from '../db/schema/index.ts';
import type { Db } from '../db/index.ts';
import { eq } from 'drizzle-orm';
import { user } from '../db/schema/index.ts';
import { buildOpenBadgeCredential } from './credential.ts';
import { signCredentialJwt, verifyCredentialJwt } from './credential-jwt.ts';
import { currentSigningKey, publicJwks } from './keys.ts';
import { findCertificate } from './registry.ts';

type Ctx = { db: Db; config: Pick<Config, 'origin' | 'dataDir' | 'certificateIssuer'> };

/** The public page that verifies a certificate (also the credential's id and the QR code's target). */
export function verifyUrl(config: Pick<Config, 'origin'>, code: string, locale = 'ar'): string {
	return new URL(`/${locale}/verify/${code}`, config.origin).href;
}

/** The certificate as an Open Badges 3.0 credential, signed as a VC-JWT with the current key. */
export async function signedCredential({ db, config }: Ctx, row: Certificate): Promise<string> {
	const email =
		db.select({ email: user.email }).from(user).where(eq(user.id, row.userId)).get()?.email ?? '';
	const vc = buildOpenBadgeCredential(row.snapshot, {
		verifyUrl: verifyUrl(config, row.code),
		issuer: { id: config.origin.href, name: config.certificateIssuer, url: config.origin.href },
		email,
		salt: row.identitySalt
	});
	return signCredentialJwt(vc, await currentSigningKey(config.dataDir));
}

export type CredentialCheck =
	| { valid: true; code: string; kid: string }
	| {
			valid: false;
			reason:
				| 'bad_signature'
				| 'unknown_key'
				| 'malformed'
				| 'expired'
				| 'revoked'
				| 'unknown_certificate';
			code?: string;
	  };

/** Checks a credential someone hands us: our signature, then that the certificate still stands. */
export async function checkCredential({ db, config }: Ctx, jwt: string): Promise<CredentialCheck> {
	const result = await verifyCredentialJwt(jwt.trim(), await publicJwks(config.dataDir));
	if (!result.ok) return { valid: false, reason: result.reason };
	const code = decodeURIComponent(result.credential.id.split('/').pop() ?? '');
	const row = findCertificate(db, code);
	if (!row) return { valid: false, reason: 'unknown_certificate', code };
	if (row.revokedAt) return { valid: false, reason: 'revoked', code };
	return { valid: true, code, kid: result.kid };
}
