import fs from 'node:fs';
import path from 'node:path';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { course, courseVersion } from '../../db/schema/index.ts';
import { hashCourseDir } from './hash.ts';
import { insertVersion, writeCourse, type Rendered } from './write.ts';
import { countWords } from '../format/lesson-markdown.ts';
import { findCourseDirs, loadCourse } from '../format/load.ts';
import type { Problem } from '../format/problems.ts';
import { renderLesson } from '../render/render.ts';
import type { ImageResolver } from '../render/images.ts';
import { imageResolver, recordPublishedImages } from '../media.ts';
import type { Course } from '../types.ts';
import type { Locale } from '../../text/localised.ts';
import { courseFolderSlug } from '../format/course-file.ts';
import { renderExtras } from './extras.ts';
import { lessonHref } from './lesson-href.ts';

export { lessonHref };
import { bumpContentVersion } from '../cache.ts';
import { refreshRenderedLessons } from './rerender.ts';
import { dropUntouchedDraft, hasDraftEdits, recordImportConflict } from './conflict.ts';

export type ImportStatus =
	'created' | 'updated' | 'unchanged' | 'skipped' | 'studio-protected' | 'archived';
export type ImportResult = {
	slug: string;
	status: ImportStatus;
	version: string | null;
	errors: number;
	problems: Problem[];
};

/**
 * Loads every course under `dir` into the database. A course with errors is skipped whole; one
 * whose files did not change writes nothing; a studio-edited one only gains a draft version.
 */
export function importCourses(
	db: Db,
	{ dir, now = new Date() }: { dir: string; now?: Date }
): ImportResult[] {
	refreshRenderedLessons(db, { now });
	const dirs = findCourseDirs(dir);
	const results = dirs.map((d) => importCourse(db, { dir: d, now }));
	// Only a whole catalogue folder can say that a course is gone.
	if (!fs.existsSync(path.join(dir, 'course.yaml')))
		results.push(...archiveMissing(db, { present: dirs.map(courseFolderSlug), now }));
	return results;
}

/** Imports one course folder, in one transaction. */
export function importCourse(
	db: Db,
	{ dir, now = new Date() }: { dir: string; now?: Date }
): ImportResult {
	// Same bytes as the last import: they were checked then, so restarts skip parsing entirely.
	const hash = hashCourseDir(dir);
	const known = unchangedVersion(db, { slug: courseFolderSlug(dir), hash });
	if (known !== null) {
		return {
			slug: courseFolderSlug(dir),
			status: 'unchanged',
			version: known,
			errors: 0,
			problems: []
		};
	}
	const loaded = loadCourse(dir);
	const c = loaded.course;
	const base = { errors: loaded.errors, problems: loaded.problems };
	if (!c) return { slug: courseFolderSlug(dir), status: 'skipped', version: null, ...base };
	const existing = db.select().from(course).where(eq(course.slug, c.slug)).get();
	const result = (status: ImportStatus): ImportResult => ({
		slug: c.slug,
		status,
		version: c.version,
		...base
	});
	if (existing?.contentHash === hash && !existing.archived) return result('unchanged');
	if (
		existing &&
		(existing.source === 'studio' || existing.editedInStudio || hasDraftEdits(db, existing.id))
	) {
		const known = db
			.select({ status: courseVersion.status })
			.from(courseVersion)
			.where(and(eq(courseVersion.courseId, existing.id), eq(courseVersion.contentHash, hash)))
			.get();
		// Files the course once had (an older version the studio built on) are no conflict.
		if (known?.status !== 'applied') {
			const extras = known ? null : renderExtras(c);
			db.transaction((tx) => {
				if (extras)
					insertVersion(tx, {
						course: c,
						courseId: existing.id,
						hash,
						status: 'draft',
						now,
						extras
					});
				recordImportConflict(tx, { courseId: existing.id, hash, now });
			});
		}
		return result('studio-protected');
	}
	const rendered = renderCourse(c, imageResolver(db, c.media));
	const extras = renderExtras(c);
	db.transaction((tx) => {
		// First: reads of cached content inside this transaction must not see the old course.
		bumpContentVersion(tx, { db, now });
		const id = writeCourse(tx, {
			course: c,
			hash,
			rendered,
			extras,
			courseId: existing?.id ?? null,
			now
		});
		recordPublishedImages(tx, id, c.media);
		if (existing) dropUntouchedDraft(tx, id);
	});
	return result(existing ? 'updated' : 'created');
}

/** The version of a course whose last import had exactly this hash, or null. */
function unchangedVersion(db: Db, { slug, hash }: { slug: string; hash: string }): string | null {
	const row = db
		.select({ version: courseVersion.version })
		.from(course)
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.where(and(eq(course.slug, slug), eq(course.contentHash, hash), eq(course.archived, false)))
		.get();
	return row?.version ?? null;
}

function archiveMissing(
	db: Db,
	{ present, now }: { present: string[]; now: Date }
): ImportResult[] {
	const gone = db.transaction((tx) => {
		const rows = tx
			.update(course)
			.set({ archived: true, updatedAt: now })
			.where(
				and(
					eq(course.source, 'files'),
					eq(course.archived, false),
					notInArray(course.slug, present)
				)
			)
			.returning({ slug: course.slug })
			.all();
		if (rows.length > 0) bumpContentVersion(tx, { db, now });
		return rows;
	});
	return gone.map(({ slug }) => ({
		slug,
		status: 'archived',
		version: null,
		errors: 0,
		problems: []
	}));
}

/** Every lesson text to HTML, before the transaction opens (rendering is the slow part). */
export function renderCourse(c: Course, image?: ImageResolver): Rendered {
	const out: Rendered = new Map();
	for (const m of c.modules) {
		for (const l of m.lessons) {
			for (const t of Object.values(l.texts)) {
				const html = renderStoredLesson(t.markdown, t.locale, image);
				out.set(`${m.slug}/${l.slug}/${t.locale}`, { html, wordCount: countWords(t.markdown) });
			}
		}
	}
	return out;
}

/** How a lesson's Markdown becomes its stored HTML, at import and when the renderer changes. */
export function renderStoredLesson(
	markdown: string,
	locale: Locale,
	image?: ImageResolver
): string {
	return renderLesson(markdown, { locale, rewriteUrl: lessonHref, image });
}
