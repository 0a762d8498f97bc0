import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import { session, user, type Session, type User } from '../db/schema/index.ts';
import { generateToken, hashToken } from './token.ts';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** A session used in its last 15 days is extended to a full 30 again. */
export const SESSION_RENEW_WITHIN = 15 * DAY;
export const SESSION_COOKIE = 'tamkeen_session';

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'locale'>;

export type SessionValidation =
	| { status: 'valid'; session: Session; user: SessionUser; renewed: boolean }
	| { status: 'invalid' };

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export function createSession(
	db: Db,
	{ userId, now = new Date() }: { userId: string; now?: Date }
) {
	const token = generateToken();
	const row: Session = {
		id: hashToken(token),
		userId,
		createdAt: now,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME)
	};
	db.insert(session).values(row).run();
	return { token, session: row };
}

// Every signed-in request runs this: prepared once per database (issue 15).
const sessionById = (db: Db) =>
	db
		.select({
			session,
			user: {
				id: user.id,
				email: user.email,
				name: user.name,
				role: user.role,
				locale: user.locale
			}
		})
		.from(session)
		.innerJoin(user, eq(session.userId, user.id))
		.where(eq(session.id, sql.placeholder('id')))
		.prepare();

/** Looks a token up, deletes it when expired, renews it when used in its last 15 days. */
export function validateSessionToken(db: Db, token: string, now = new Date()): SessionValidation {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return { status: 'invalid' };
	const id = hashToken(token);
	const row = prepared(db, sessionById).get({ id });
	if (!row) return { status: 'invalid' };
	if (now.getTime() >= row.session.expiresAt.getTime()) {
		db.delete(session).where(eq(session.id, id)).run();
		return { status: 'invalid' };
	}
	let renewed = false;
	if (now.getTime() >= row.session.expiresAt.getTime() - SESSION_RENEW_WITHIN) {
		row.session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
		db.update(session).set({ expiresAt: row.session.expiresAt }).where(eq(session.id, id)).run();
		renewed = true;
	}
	return { status: 'valid', session: row.session, user: row.user, renewed };
}

/** Ends one session. */
export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

/** Ends every session of a user except, optionally, the one in use. */
export function invalidateOtherSessions(
	db: Db,
	{ userId, keep }: { userId: string; keep?: string }
) {
	const rows = db.select({ id: session.id }).from(session).where(eq(session.userId, userId)).all();
	for (const r of rows) if (r.id !== keep) invalidateSession(db, r.id);
}

/** Cookie attributes for the session token. */
export function sessionCookieOptions({ secure, expires }: { secure: boolean; expires: Date }) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, expires };
}
