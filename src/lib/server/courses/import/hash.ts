import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** SHA-256 over every file of a course folder (names and bytes, in a fixed order); dotfiles aside. */
export function hashCourseDir(dir: string): string {
	const hash = createHash('sha256');
	const walk = (rel: string): void => {
		const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
		for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			if (entry.name.startsWith('.')) continue;
			const child = path.posix.join(rel, entry.name);
			if (entry.isDirectory()) walk(child);
			else if (entry.isFile())
				hash
					.update(child)
					.update('\0')
					.update(fs.readFileSync(path.join(dir, child)))
					.update('\0');
		}
	};
	walk('');
	return hash.digest('hex');
}
