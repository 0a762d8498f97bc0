import { error, redirect } from '@sveltejs/kit';
import type { Role } from '../db/schema/index.ts';
import type { SessionUser } from './session.ts';

// A partner ranks as a learner: reports are granted by their own rule, not by rank.
const RANK: Record<Role, number> = { learner: 0, partner: 0, trainer: 1, admin: 2 };

type GuardEvent = { locals: { user: SessionUser | null; locale: string }; url: URL };

/** Whether a user may act with `role`: 'ok', 'signin' (anonymous) or 'forbidden'. */
export function checkRole(user: SessionUser | null, role: Role): 'ok' | 'signin' | 'forbidden' {
	if (!user) return 'signin';
	return RANK[user.role] >= RANK[role] ? 'ok' : 'forbidden';
}

/**
 * Call at the top of every load and action that needs a signed-in user of at least `role`.
 * Anonymous visitors go to sign-in and come back; others get 403.
 */
export function requireRole(event: GuardEvent, role: Role = 'learner'): SessionUser {
	const user = event.locals.user;
	const verdict = checkRole(user, role);
	if (verdict === 'signin' || !user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/${event.locals.locale}/signin?next=${encodeURIComponent(back)}`);
	}
	if (verdict === 'forbidden') error(403, { message: 'forbidden' });
	return user;
}

// Browsers drop tabs and newlines from a Location (`/<TAB>/evil` becomes `//evil`), and
// Node refuses control characters in headers: refuse them, and any space, raw or encoded.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Z}\s]/u;

function decoded(text: string): string | null {
	try {
		return decodeURIComponent(text);
	} catch {
		return null;
	}
}

/**
 * A `next` parameter is followed only to a path on this site (`origin`), in its normalised,
 * header-safe form; anything else gives `fallback` (the learner's home).
 */
export function safeNext(next: string | null, fallback: string, origin: string): string {
	if (!next?.startsWith('/')) return fallback;
	const plain = decoded(next);
	if (plain === null || UNSAFE.test(next) || UNSAFE.test(plain)) return fallback;
	const site = new URL(origin);
	const target = new URL(next, site);
	if (target.origin !== site.origin) return fallback;
	const path = target.pathname + target.search + target.hash;
	return path.startsWith('//') ? fallback : path;
}
