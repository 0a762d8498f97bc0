import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST } from './manifest.ts';

const NAME = /^tamkeen-\d{8}T\d{6}Z(-\d+)?$/;

/**
 * Deletes all but the newest `keep` complete backups in `dir` (0 keeps all); folders not named
 * like a backup, or without a manifest, are never touched. Returns the folders removed.
 */
export function pruneBackups(dir: string, keep: number): string[] {
	if (keep <= 0) return [];
	const complete = fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((e) => e.isDirectory() && NAME.test(e.name))
		.filter((e) => fs.existsSync(path.join(dir, e.name, MANIFEST)))
		.map((e) => e.name)
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	const old = complete.slice(0, Math.max(0, complete.length - keep));
	for (const name of old) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
	return old.map((n) => path.join(dir, n));
}
