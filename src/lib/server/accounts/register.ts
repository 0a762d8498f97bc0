import type { Db } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { lockedFor, recordFailure, type ThrottlePolicy } from '../auth/throttle.ts';
import { createUser, type PublicUser } from './users.ts';
import type { RegisterInput } from '../input/accounts.ts';

const MINUTE = 60_000;
/** "Email already in use" answers per address: 5, then 2, 4, 8, 15 minutes of silence. */
export const TAKEN_EMAIL_POLICY: ThrottlePolicy = {
	freeFailures: 5,
	firstDelayMs: 2 * MINUTE,
	maxDelayMs: 15 * MINUTE,
	forgetAfterMs: 60 * MINUTE
};

/**
 * Self-registration. Until the platform sends email (and can answer "check your inbox" to
 * both cases), an existing email must be named; so an address that keeps hitting existing
 * emails is made to wait, and while it waits every registration from it gets the same answer.
 */
export async function registerAccount(
	db: Db,
	input: RegisterInput & { ip: string }
): Promise<PublicUser> {
	const key = `register:${input.ip}`;
	if (lockedFor(db, key) > 0) throw new DomainError('throttled');
	try {
		return await createUser(db, input);
	} catch (e) {
		if (e instanceof DomainError && e.code === 'email_taken')
			recordFailure(db, key, TAKEN_EMAIL_POLICY);
		throw e;
	}
}
