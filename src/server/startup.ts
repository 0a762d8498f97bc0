import type { FastifyBaseLogger } from 'fastify';
import { importCourses } from '../lib/server/courses/import/import-courses.ts';
import { formatImportResult } from '../lib/server/courses/import/summary.ts';
import { ensureFolderImages } from '../lib/server/studio/media/folder-images.ts';
import { rebuildSearchIndex } from '../lib/server/search/index-build.ts';
import { currentSigningKey } from '../lib/server/certificates/keys.ts';
import { expireDueAttempts } from '../lib/server/quiz/attempts/index.ts';
import type { AppContext } from './context.ts';

/** Work done once at start, after migrations: load the courses folder into the database. */
export async function startupTasks(ctx: AppContext, log: FastifyBaseLogger): Promise<void> {
	try {
		// Before the import: it renders a course image only through its reader's copies.
		const images = await ensureFolderImages(ctx.db, {
			coursesDir: ctx.config.coursesDir,
			dataDir: ctx.config.dataDir
		});
		if (images) log.info({ images }, 'course images ready');
	} catch (e) {
		log.error({ err: e }, 'course images could not be prepared; lessons show them as links');
	}
	try {
		for (const r of importCourses(ctx.db, { dir: ctx.config.coursesDir })) {
			const line = formatImportResult(r, process.cwd());
			// An invalid course is the authors' problem to fix, not a reason to stay down.
			if (r.status === 'skipped') log.error({ course: r.slug, errors: r.errors }, line);
			else log.info({ course: r.slug, status: r.status }, line);
		}
	} catch (e) {
		log.error(
			{ err: e, dir: ctx.config.coursesDir },
			'course import failed; the site runs with the courses already in the database'
		);
	}
	// Certificate signing key: created on the first start, kept in DATA_DIR (never in git).
	const key = await currentSigningKey(ctx.config.dataDir);
	log.info({ kid: key.kid }, 'certificate signing key ready');
	// The index is derived data: rebuilt whole at each start (milliseconds for our catalog).
	log.info({ entries: rebuildSearchIndex(ctx.db) }, 'search index rebuilt');
	// Quiz attempts whose time ran out while the server was down are submitted with what was saved.
	log.info(
		{ attempts: expireDueAttempts(ctx.db, { issuer: ctx.config }) },
		'overdue quiz attempts submitted'
	);
}
