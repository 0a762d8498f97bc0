import type { Db } from '../db/index.ts';
import { lockedFor, recordFailure, type ThrottlePolicy } from '../auth/throttle.ts';

const MINUTE = 60_000;
/** 20 certificate downloads in a row, then 1, 2, 4 … 15 minutes between them. */
export const DOWNLOAD_POLICY: ThrottlePolicy = {
	freeFailures: 20,
	firstDelayMs: MINUTE,
	maxDelayMs: 15 * MINUTE,
	forgetAfterMs: 10 * MINUTE
};

/** Counts one certificate download by a user; milliseconds to wait instead, when over the limit. */
export function takeCertificateDownload(db: Db, userId: string, now = Date.now()): number {
	const key = `download:${userId}`;
	const wait = lockedFor(db, key, now);
	if (wait > 0) return wait;
	recordFailure(db, key, DOWNLOAD_POLICY, now);
	return 0;
}
