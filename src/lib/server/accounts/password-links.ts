// One-time links that let a person choose a password: "set your password" for accounts a
// trainer created from a roster (7 days), and password recovery (1 hour, issue 11 #10). Only
// the token's SHA-256 is stored; a link works once, and choosing a password ends every session.
import { and, eq, gt } from 'drizzle-orm';
import type { Db, DbLike } from '../db/index.ts';
import { oneTimeToken, session, user } from '../db/schema/index.ts';
import { generateToken, hashToken } from '../auth/token.ts';
import { hashPassword } from '../auth/password.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';

export type PasswordPurpose = 'set-password' | 'reset-password';

const HOUR = 3_600_000;
export const PASSWORD_LINK_LIFETIME: Record<PasswordPurpose, number> = {
	'set-password': 7 * 24 * HOUR,
	'reset-password': HOUR
};

/** What the database holds for an account whose owner has not chosen a password yet. */
export const NO_PASSWORD = '!';

/**
 * Issues a link token for `userId` (older links of the same purpose stop working) and returns
 * it: the only time it exists in clear. Runs inside the caller's transaction when given one.
 */
export function issuePasswordLink(
	tx: DbLike,
	{ userId, purpose, now = new Date() }: { userId: string; purpose: PasswordPurpose; now?: Date }
): string {
	const token = generateToken();
	tx.delete(oneTimeToken)
		.where(and(eq(oneTimeToken.userId, userId), eq(oneTimeToken.purpose, purpose)))
		.run();
	tx.insert(oneTimeToken)
		.values({
			id: hashToken(token),
			purpose,
			userId,
			createdAt: now,
			expiresAt: new Date(now.getTime() + PASSWORD_LINK_LIFETIME[purpose])
		})
		.run();
	return token;
}

/** The live link's account and purpose, or null (unknown, expired or already used). */
export function checkPasswordLink(
	db: DbLike,
	token: string,
	now = new Date()
): { userId: string; purpose: PasswordPurpose; name: string; email: string } | null {
	const row = db
		.select({
			userId: oneTimeToken.userId,
			purpose: oneTimeToken.purpose,
			name: user.name,
			email: user.email
		})
		.from(oneTimeToken)
		.innerJoin(user, eq(user.id, oneTimeToken.userId))
		.where(and(eq(oneTimeToken.id, hashToken(token)), gt(oneTimeToken.expiresAt, now)))
		.get();
	if (!row?.userId || row.purpose === 'first-admin') return null;
	return { ...row, userId: row.userId, purpose: row.purpose };
}

/** Sets the password through a link, uses the link up and ends every session of the account. */
export async function usePasswordLink(
	db: Db,
	{ token, password, now = new Date() }: { token: string; password: string; now?: Date }
): Promise<{ userId: string }> {
	if (!checkPasswordLink(db, token, now)) throw new DomainError('password_link_invalid');
	const passwordHash = await hashPassword(password);
	return db.transaction((tx) => {
		// Checked again inside the write: two tabs posting the same link set one password.
		const link = checkPasswordLink(tx, token, now);
		if (!link) throw new DomainError('password_link_invalid');
		tx.delete(oneTimeToken)
			.where(eq(oneTimeToken.id, hashToken(token)))
			.run();
		tx.update(user).set({ passwordHash, updatedAt: now }).where(eq(user.id, link.userId)).run();
		tx.delete(session).where(eq(session.userId, link.userId)).run();
		recordAudit(
			tx,
			{
				actorId: link.userId,
				action: 'user.password_link_used',
				subjectType: 'user',
				subjectId: link.userId,
				details: { purpose: link.purpose }
			},
			now
		);
		return { userId: link.userId };
	});
}
