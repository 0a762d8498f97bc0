import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { migrationsFolder } from '../db/index.ts';

/** What drizzle's migrator records: one row per applied migration, `created_at` = journal `when`. */
type Applied = { hash: string; created_at: number };

export type SchemaState = {
	applied: number;
	lastMigrationAt: number;
	/** Migrations in the copy that this code does not ship: a newer (or foreign) schema. */
	unknown: number;
	/** Migrations this code ships that the copy lacks: an older schema (the server migrates it). */
	missing: number;
};

/** The `when` of every migration in db/migrations/meta/_journal.json, oldest first. */
export function knownMigrations(folder = migrationsFolder()): number[] {
	const journal = JSON.parse(
		fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')
	) as { entries: { when: number }[] };
	return journal.entries.map((e) => e.when);
}

/** Compares the migrations applied in `sqlite` (drizzle's `__drizzle_migrations`) with ours. */
export function schemaState(sqlite: Database.Database, known = knownMigrations()): SchemaState {
	const table = sqlite
		.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
		.get();
	const rows = table
		? (sqlite.prepare('select hash, created_at from __drizzle_migrations').all() as Applied[])
		: [];
	const ours = new Set(known);
	const theirs = new Set(rows.map((r) => r.created_at));
	return {
		applied: rows.length,
		lastMigrationAt: Math.max(0, ...theirs),
		unknown: [...theirs].filter((w) => !ours.has(w)).length,
		missing: known.filter((w) => !theirs.has(w)).length
	};
}
