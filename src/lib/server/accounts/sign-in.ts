import type { Db } from '../db/index.ts';
import { createSession } from '../auth/session.ts';
import { passwordAttemptWait, recordRightPassword, recordWrongPassword } from '../auth/throttle.ts';
import { recordAudit } from '../audit/log.ts';
import { authenticate, type PublicUser } from './users.ts';
import { normaliseEmail } from '../input/accounts.ts';

export type SignInResult =
	| { ok: true; user: PublicUser; token: string; expiresAt: Date }
	| { ok: false; reason: 'invalid_credentials' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Signs in with email and password, throttled per (account, address) and per address
 * (auth/throttle.ts). A wrong email and a wrong password give the same answer.
 */
export async function signIn(
	db: Db,
	{ email, password, ip }: { email: string; password: string; ip: string }
): Promise<SignInResult> {
	const attempt = { account: normaliseEmail(email), ip };
	const wait = passwordAttemptWait(db, attempt);
	if (wait > 0)
		return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
	const found = await authenticate(db, { email: normaliseEmail(email), password });
	if (!found) {
		recordWrongPassword(db, attempt);
		return { ok: false, reason: 'invalid_credentials' };
	}
	recordRightPassword(db, attempt);
	const { token, session } = createSession(db, { userId: found.id });
	recordAudit(db, {
		actorId: found.id,
		action: 'session.sign_in',
		subjectType: 'user',
		subjectId: found.id,
		ip
	});
	return { ok: true, user: found, token, expiresAt: session.expiresAt };
}
