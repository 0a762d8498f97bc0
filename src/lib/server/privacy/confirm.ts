import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { user } from '../db/schema/index.ts';
import { verifyPassword } from '../auth/password.ts';
import { passwordAttemptWait, recordRightPassword, recordWrongPassword } from '../auth/throttle.ts';
import { DomainError } from '../errors.ts';
import { eraseAccount, type CertificateChoice, type ErasureResult } from './erase.ts';

/**
 * The acting person's own password, checked under the sign-in throttle: an erasure is confirmed
 * by re-entering it, and a stolen session must not become a password oracle.
 */
async function confirmPassword(db: Db, actorId: string, password: string, ip: string) {
	const row = db.select().from(user).where(eq(user.id, actorId)).get();
	if (!row) throw new DomainError('not_found');
	const attempt = { account: row.email, ip };
	if (passwordAttemptWait(db, attempt) > 0) throw new DomainError('throttled', 'password');
	if (!(await verifyPassword(row.passwordHash, password))) {
		recordWrongPassword(db, attempt);
		throw new DomainError('wrong_password', 'password');
	}
	recordRightPassword(db, attempt);
}

/** Erases `userId` once the actor (the person, or an admin for them) re-entered their password. */
export async function confirmAndErase(
	db: Db,
	{
		actorId,
		userId,
		password,
		choices,
		ip
	}: {
		actorId: string;
		userId: string;
		password: string;
		choices: Record<string, CertificateChoice>;
		ip: string;
	}
): Promise<ErasureResult> {
	await confirmPassword(db, actorId, password, ip);
	return eraseAccount(db, { userId, actorId, choices, ip });
}

/** `cert:<code>` fields of the erasure form -> the holder's choice per certificate. */
export function readChoices(form: FormData): Record<string, CertificateChoice> {
	const out: Record<string, CertificateChoice> = {};
	for (const [k, v] of form) {
		if (!k.startsWith('cert:')) continue;
		if (v === 'keep' || v === 'revoke') out[k.slice(5)] = v;
	}
	return out;
}
