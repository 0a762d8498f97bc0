// Personal access tokens (issue 14): created and revoked by their owner, shown once, stored as
// SHA-256 like sessions, scoped and always expiring. The API checks them through validateAccessToken.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { accessToken, TOKEN_SCOPES, user, type TokenScope } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { canHoldScope } from '../access/tokens.ts';
import type { SessionUser } from './session.ts';
import { generateId, generateToken, hashToken } from './token.ts';

const DAY = 24 * 60 * 60 * 1000;
export const TOKEN_DAYS_DEFAULT = 90;
export const TOKEN_DAYS_MAX = 365;
/** The choices the page offers; any whole number of days from 1 to the maximum is accepted. */
export const TOKEN_DAYS_CHOICES = [30, 90, 180, 365] as const;
export const TOKEN_NAME_MAX = 80;
/** Recognisable in a leaked log or a repository, so it can be found and revoked. */
export const TOKEN_PREFIX = 'tamkeen_';
/** last_used_at is written at most this often per token: one read per call, rarely a write. */
export const LAST_USED_EVERY = 60_000;

export type TokenSummary = {
	id: string;
	name: string;
	scopes: TokenScope[];
	createdAt: Date;
	expiresAt: Date;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
};

const parseScopes = (text: string) =>
	text.split(' ').filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s));

/** Creates a token for its owner; returns the secret, which is never readable again. */
export function createAccessToken(
	db: Db,
	opts: {
		actor: SessionUser;
		name: string;
		scopes: TokenScope[];
		days?: number;
		ip?: string | null;
		now?: Date;
	}
): { token: string; summary: TokenSummary } {
	const now = opts.now ?? new Date();
	const name = opts.name.trim();
	if (!name) throw new DomainError('required', 'name');
	if (name.length > TOKEN_NAME_MAX) throw new DomainError('too_long', 'name');
	const days = opts.days ?? TOKEN_DAYS_DEFAULT;
	if (!Number.isInteger(days) || days < 1 || days > TOKEN_DAYS_MAX)
		throw new DomainError('invalid_choice', 'days');
	if (!opts.scopes.length) throw new DomainError('required', 'scopes');
	for (const s of opts.scopes) if (!canHoldScope(opts.actor, s)) throw new DomainError('forbidden');
	const token = TOKEN_PREFIX + generateToken();
	const summary: TokenSummary = {
		id: generateId(),
		name,
		scopes: [...new Set(opts.scopes)],
		createdAt: now,
		expiresAt: new Date(now.getTime() + days * DAY),
		lastUsedAt: null,
		revokedAt: null
	};
	db.transaction((tx) => {
		tx.insert(accessToken)
			.values({
				...summary,
				userId: opts.actor.id,
				tokenHash: hashToken(token),
				scopes: summary.scopes.join(' ')
			})
			.run();
		recordAudit(
			tx,
			{
				actorId: opts.actor.id,
				action: 'access_token.create',
				subjectType: 'access_token',
				subjectId: summary.id,
				details: { name, scopes: summary.scopes, expiresAt: summary.expiresAt.toISOString() },
				ip: opts.ip ?? null
			},
			now
		);
	});
	return { token, summary };
}

/** The owner's tokens, newest first, without their hashes. */
export function listAccessTokens(db: Db, { userId }: { userId: string }): TokenSummary[] {
	return db
		.select()
		.from(accessToken)
		.where(eq(accessToken.userId, userId))
		.orderBy(desc(accessToken.createdAt))
		.all()
		.map((r) => ({
			id: r.id,
			name: r.name,
			scopes: parseScopes(r.scopes),
			createdAt: r.createdAt,
			expiresAt: r.expiresAt,
			lastUsedAt: r.lastUsedAt,
			revokedAt: r.revokedAt
		}));
}

/** Revokes one of the actor's own tokens; someone else's is "not found", as if it did not exist. */
export function revokeAccessToken(
	db: Db,
	opts: { actor: SessionUser; tokenId: string; ip?: string | null; now?: Date }
): void {
	const now = opts.now ?? new Date();
	db.transaction((tx) => {
		const row = tx
			.select({ id: accessToken.id, revokedAt: accessToken.revokedAt, name: accessToken.name })
			.from(accessToken)
			.where(and(eq(accessToken.id, opts.tokenId), eq(accessToken.userId, opts.actor.id)))
			.get();
		if (!row) throw new DomainError('not_found');
		if (row.revokedAt) return;
		tx.update(accessToken).set({ revokedAt: now }).where(eq(accessToken.id, row.id)).run();
		recordAudit(
			tx,
			{
				actorId: opts.actor.id,
				action: 'access_token.revoke',
				subjectType: 'access_token',
				subjectId: row.id,
				details: { name: row.name },
				ip: opts.ip ?? null
			},
			now
		);
	});
}

export type TokenValidation =
	| { status: 'valid'; tokenId: string; user: SessionUser; scopes: TokenScope[] }
	| { status: 'unknown' | 'expired' | 'revoked' };

/**
 * Looks a bearer token up by its hash. Refusal reasons are told apart so the caller can say which
 * (the secret itself is what authenticates: knowing it was revoked tells an attacker nothing).
 */
export function validateAccessToken(db: Db, token: string, now = new Date()): TokenValidation {
	if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return { status: 'unknown' };
	const row = db
		.select({
			token: accessToken,
			user: {
				id: user.id,
				email: user.email,
				name: user.name,
				role: user.role,
				locale: user.locale
			}
		})
		.from(accessToken)
		.innerJoin(user, eq(accessToken.userId, user.id))
		.where(eq(accessToken.tokenHash, hashToken(token)))
		.get();
	if (!row) return { status: 'unknown' };
	if (row.token.revokedAt) return { status: 'revoked' };
	if (now.getTime() >= row.token.expiresAt.getTime()) return { status: 'expired' };
	const last = row.token.lastUsedAt?.getTime() ?? 0;
	if (now.getTime() - last >= LAST_USED_EVERY) {
		// Conditional, so two workers answering at once write it once.
		db.update(accessToken)
			.set({ lastUsedAt: now })
			.where(
				and(
					eq(accessToken.id, row.token.id),
					sql`coalesce(${accessToken.lastUsedAt}, 0) <= ${now.getTime() - LAST_USED_EVERY}`
				)
			)
			.run();
	}
	return {
		status: 'valid',
		tokenId: row.token.id,
		user: row.user,
		scopes: parseScopes(row.token.scopes)
	};
}
