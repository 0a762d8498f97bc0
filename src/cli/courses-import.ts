// Imports course folders into the database (the same import `npm start` runs).
// Usage: npm run courses:import [folder]  (default: COURSES_DIR, else courses/)
import { ConfigError, loadConfig } from '../lib/server/config.ts';
import { formatImportResult } from '../lib/server/courses/import/summary.ts';
import { importCourses } from '../lib/server/courses/import/import-courses.ts';
import { ensureFolderImages } from '../lib/server/studio/media/folder-images.ts';
import { createDb } from '../lib/server/db/index.ts';
import { rebuildSearchIndex } from '../lib/server/search/index-build.ts';

try {
	const config = loadConfig();
	const db = createDb(config.databaseUrl);
	const dir = process.argv[2] ?? config.coursesDir;
	// The importer renders a course image only through its reader's copies: made first.
	await ensureFolderImages(db, { coursesDir: dir, dataDir: config.dataDir });
	const results = importCourses(db, { dir });
	for (const r of results) console.log(formatImportResult(r, process.cwd()));
	console.log(`Search index: ${rebuildSearchIndex(db)} entries.`);
	db.$client.close();
	process.exitCode = results.some((r) => r.status === 'skipped') ? 1 : 0;
} catch (e) {
	console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
	process.exitCode = 1;
}
