import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { oneTimeToken } from '../db/schema/index.ts';
import { generateToken, hashToken } from '../auth/token.ts';
import { DomainError } from '../errors.ts';
import { adminExists, createUser, type PublicUser } from './users.ts';
import type { RegisterInput } from '../input/accounts.ts';

const LIFETIME = 24 * 60 * 60 * 1000;

/**
 * When no admin exists, issues a fresh one-time set-up token (older ones stop working)
 * and returns it; returns null once an admin exists.
 */
export function issueFirstAdminToken(db: Db, now = new Date()): string | null {
	if (adminExists(db)) return null;
	const token = generateToken();
	db.transaction((tx) => {
		tx.delete(oneTimeToken).where(eq(oneTimeToken.purpose, 'first-admin')).run();
		tx.insert(oneTimeToken)
			.values({
				id: hashToken(token),
				purpose: 'first-admin',
				createdAt: now,
				expiresAt: new Date(now.getTime() + LIFETIME)
			})
			.run();
	});
	return token;
}

/** True when the token is a live first-admin token and no admin exists yet. */
export function isFirstAdminTokenValid(db: Db, token: string, now = new Date()): boolean {
	if (adminExists(db)) return false;
	const row = db
		.select()
		.from(oneTimeToken)
		.where(
			and(
				eq(oneTimeToken.id, hashToken(token)),
				eq(oneTimeToken.purpose, 'first-admin'),
				gt(oneTimeToken.expiresAt, now)
			)
		)
		.get();
	return row !== undefined;
}

/** Creates the first admin and consumes the token. */
export async function claimFirstAdmin(
	db: Db,
	{ token, input, ip }: { token: string; input: RegisterInput; ip?: string }
): Promise<PublicUser> {
	if (!isFirstAdminTokenValid(db, token)) throw new DomainError('setup_link_invalid');
	const admin = await createUser(db, { ...input, role: 'admin', ip: ip ?? null });
	db.delete(oneTimeToken).where(eq(oneTimeToken.purpose, 'first-admin')).run();
	return admin;
}
