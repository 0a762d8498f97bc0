import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { user } from './users.ts';

/** What a personal access token may do; `reports:read` reads aggregate reports through the API. */
export const TOKEN_SCOPES = ['reports:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * Personal access tokens for the JSON API (dashboards of a ministry or donor). Only the SHA-256 of
 * the token is stored, as for sessions; every token expires; a revoked one stays listed (with when)
 * until its owner's account is erased.
 */
export const accessToken = sqliteTable(
	'access_token',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** SHA-256 of the token, hex. */
		tokenHash: text('token_hash').notNull().unique(),
		/** Space-separated, as OAuth writes them: `reports:read`. */
		scopes: text('scopes').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('access_token_user_idx').on(t.userId)]
);
export type AccessToken = typeof accessToken.$inferSelect;
