// Writes a course as the studio holds it (its draft) in the `courses/` format.
// Usage: npm run courses:export -- SLUG DIR   (writes DIR/SLUG/)
import { ConfigError, loadConfig } from '../lib/server/config.ts';
import { createDb } from '../lib/server/db/index.ts';
import { DomainError } from '../lib/server/errors.ts';
import { exportCourse } from '../lib/server/studio/export.ts';

const [slug, dir] = process.argv.slice(2);
if (!slug || !dir) {
	console.error('Usage: npm run courses:export -- SLUG DIR');
	process.exitCode = 2;
} else {
	try {
		const config = loadConfig();
		const db = createDb(config.databaseUrl);
		console.log(`Written: ${exportCourse(db, { slug, dir, coursesDir: config.coursesDir })}`);
		db.$client.close();
	} catch (e) {
		if (e instanceof DomainError)
			console.error(
				e.code === 'not_found' ? `No course "${slug}".` : `${dir}/${slug} exists already.`
			);
		else console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
		process.exitCode = 1;
	}
}
