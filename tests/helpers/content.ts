import type { Db } from '../../src/lib/server/db/index.ts';
import { bumpContentVersion } from '../../src/lib/server/courses/cache.ts';

/**
 * For a test that edits course rows directly, standing in for a publication: tells the content
 * caches, as the importer does in its transaction.
 */
export function markContentChanged(db: Db): void {
	db.transaction((tx) => {
		bumpContentVersion(tx, { db, now: new Date() });
	});
}
