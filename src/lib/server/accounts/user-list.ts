import { and, asc, count, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { user } from '../db/schema/index.ts';
import { toPublic, type PublicUser } from './users.ts';

/** Users per page of the admin list: self-registration can grow it without bound. */
export const USER_PAGE_SIZE = 50;

export type UserPage = { users: PublicUser[]; total: number; next: string | null };

/**
 * One page of users by name (keyset on name, id: as fast on page 40 as on page 1), optionally
 * only those whose name or email contains `q`. `after` is the id of the last user shown.
 */
export function listUsersPage(
	db: Db,
	{ q = '', after = null }: { q?: string; after?: string | null }
): UserPage {
	const term = q.trim().slice(0, 200);
	const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const search = term
		? or(sql`${user.name} like ${like} escape '\\'`, sql`${user.email} like ${like} escape '\\'`)
		: undefined;
	const last = after
		? db.select({ name: user.name, id: user.id }).from(user).where(eq(user.id, after)).get()
		: undefined;
	const keyset = last
		? or(gt(user.name, last.name), and(eq(user.name, last.name), gt(user.id, last.id)))
		: undefined;
	const rows = db
		.select()
		.from(user)
		.where(and(search, keyset))
		.orderBy(asc(user.name), asc(user.id))
		.limit(USER_PAGE_SIZE + 1)
		.all();
	const shown = rows.slice(0, USER_PAGE_SIZE);
	const total = db.select({ n: count() }).from(user).where(search).get()?.n ?? 0;
	return {
		users: shown.map(toPublic),
		total,
		next: rows.length > USER_PAGE_SIZE ? (shown.at(-1)?.id ?? null) : null
	};
}

/** Trainer accounts are made by admins, not by strangers; still capped, as every list is. */
export const TRAINER_LIST_CAP = 500;

/** Trainer accounts by name, for an admin choosing a course's trainer. */
export function listTrainers(db: Db): PublicUser[] {
	return db
		.select()
		.from(user)
		.where(eq(user.role, 'trainer'))
		.orderBy(asc(user.name), asc(user.id))
		.limit(TRAINER_LIST_CAP)
		.all()
		.map(toPublic);
}
