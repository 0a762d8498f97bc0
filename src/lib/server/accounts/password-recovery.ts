// "Forgot password" (issue 11 #10): a one-time link by mail, and the same answer whether the
// email has an account or not. The mail goes out after the answer, so the time taken does not
// tell either; an address asking too often waits, and one account gets few mails an hour.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { user } from '../db/schema/index.ts';
import { lockedFor, recordFailure, type ThrottlePolicy } from '../auth/throttle.ts';
import { recordAudit } from '../audit/log.ts';
import type { Locale } from '../text/localised.ts';
import { issuePasswordLink } from './password-links.ts';
import { normaliseEmail } from '../input/accounts.ts';
import { mailConfigured, sendMail, type MailLog, type MailSettings } from '../mail/transport.ts';
import { resetPasswordMail } from '../mail/templates.ts';

const MINUTE = 60_000;
/** Requests from one address: 5, then waits of 5, 10, 20 and at most 60 minutes. */
export const RECOVERY_ADDRESS_POLICY: ThrottlePolicy = {
	freeFailures: 5,
	firstDelayMs: 5 * MINUTE,
	maxDelayMs: 60 * MINUTE,
	forgetAfterMs: 60 * MINUTE
};
/** Mails to one account: 3 an hour, so nobody can flood someone's inbox with our mail. */
export const RECOVERY_ACCOUNT_POLICY: ThrottlePolicy = {
	freeFailures: 3,
	firstDelayMs: 20 * MINUTE,
	maxDelayMs: 60 * MINUTE,
	forgetAfterMs: 60 * MINUTE
};

/** The page a recovery or "set your password" token opens, in the person's language. */
export function passwordLinkUrl(origin: URL, locale: Locale, token: string): string {
	return new URL(`/${locale}/set-password/${token}`, origin).href;
}

export type RecoveryAnswer =
	| { ok: true; mail: Promise<boolean> | null }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Answers a "forgot password" form. `ok` says nothing about the account: `mail` is the sending
 * of the link (null when nothing was sent), which the caller must not wait for.
 */
export function requestPasswordReset(
	db: Db,
	{
		email,
		ip,
		origin,
		mail,
		log,
		now = new Date()
	}: { email: string; ip: string; origin: URL; mail: MailSettings; log?: MailLog; now?: Date }
): RecoveryAnswer {
	const ipKey = `recover-ip:${ip}`;
	const wait = lockedFor(db, ipKey, now.getTime());
	if (wait > 0)
		return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
	recordFailure(db, ipKey, RECOVERY_ADDRESS_POLICY, now.getTime());
	if (!mailConfigured(mail)) return { ok: true, mail: null };
	const address = normaliseEmail(email);
	// Counted for unknown emails too, so the limit itself says nothing about who has an account.
	const accountKey = `recover-account:${address}`;
	if (lockedFor(db, accountKey, now.getTime()) > 0) return { ok: true, mail: null };
	recordFailure(db, accountKey, RECOVERY_ACCOUNT_POLICY, now.getTime());
	const found = db
		.select({ id: user.id, name: user.name, locale: user.locale })
		.from(user)
		.where(and(eq(user.email, address), isNull(user.erasedAt)))
		.get();
	if (!found) return { ok: true, mail: null };
	const locale = found.locale;
	const token = db.transaction((tx) => {
		recordAudit(
			tx,
			{
				actorId: null,
				action: 'user.password_reset_requested',
				subjectType: 'user',
				subjectId: found.id,
				ip
			},
			now
		);
		return issuePasswordLink(tx, { userId: found.id, purpose: 'reset-password', now });
	});
	const content = resetPasswordMail(locale, {
		name: found.name,
		link: passwordLinkUrl(origin, locale, token)
	});
	return { ok: true, mail: sendMail(mail, { to: address, ...content }, log) };
}

/**
 * A reset link made by someone else for the account (an admin from its row, an operator from
 * the command line, when no mail is sent): audited with who made it; returned to show once.
 */
export function createResetLink(
	db: Db,
	{
		actorId,
		userId,
		origin,
		now = new Date()
	}: { actorId: string | null; userId: string; origin: URL; now?: Date }
): { url: string; name: string; email: string } | null {
	return db.transaction((tx) => {
		const target = tx
			.select({ name: user.name, email: user.email, locale: user.locale })
			.from(user)
			.where(and(eq(user.id, userId), isNull(user.erasedAt)))
			.get();
		if (!target) return null;
		const token = issuePasswordLink(tx, { userId, purpose: 'reset-password', now });
		recordAudit(
			tx,
			{ actorId, action: 'user.password_link_created', subjectType: 'user', subjectId: userId },
			now
		);
		return {
			url: passwordLinkUrl(origin, target.locale, token),
			name: target.name,
			email: target.email
		};
	});
}
