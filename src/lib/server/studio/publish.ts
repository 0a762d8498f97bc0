// Publishing a draft: its files go through the same loader, checker and importer as `courses/`
// (written to a scratch folder, so there is one loader), and become a new immutable version.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { course, draftFile } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { bumpContentVersion } from '../courses/cache.ts';
import { loadCourse } from '../courses/format/load.ts';
import type { Problem } from '../courses/format/problems.ts';
import { hashCourseDir } from '../courses/import/hash.ts';
import { renderExtras } from '../courses/import/extras.ts';
import { renderCourse } from '../courses/import/import-courses.ts';
import { writeCourse } from '../courses/import/write.ts';
import { rebuildSearchIndex } from '../search/index-build.ts';
import { imageResolver, recordPublishedImages } from '../courses/media.ts';
import { draftRows, draftText, saveDraftFile, writeDraftFolder } from './draft-files.ts';
import { snapshotDraft } from './published-files.ts';
import { getYamlValue, setYamlValue } from './yaml-edit.ts';

export type Bump = 'major' | 'minor' | 'patch';
/** A checker problem, its file relative to the course folder. */
export type DraftProblem = Omit<Problem, 'file'> & { file: string };
export type PublishResult =
	{ ok: true; version: string; warnings: DraftProblem[] } | { ok: false; problems: DraftProblem[] };

/** The next semantic version. */
export function bumpVersion(version: string, bump: Bump): string {
	const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
	if (bump === 'major') return `${String(major + 1)}.0.0`;
	if (bump === 'minor') return `${String(major)}.${String(minor + 1)}.0`;
	return `${String(major)}.${String(minor)}.${String(patch + 1)}`;
}

/** Runs every checker rule on the draft as it stands; `course` is null when an error was found. */
export function checkDraft(db: Db, { courseId, slug }: { courseId: number; slug: string }) {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-draft-'));
	const dir = path.join(scratch, slug);
	try {
		writeDraftFolder(db, { courseId, dir });
		const loaded = loadCourse(dir);
		const problems = loaded.problems.map((p) => ({
			...p,
			file: path.relative(dir, p.file).split(path.sep).join('/') || 'course.yaml'
		}));
		return { loaded, problems, hash: hashCourseDir(dir), scratch };
	} catch (e) {
		fs.rmSync(scratch, { recursive: true, force: true });
		throw e;
	}
}

/**
 * Publishes the course's draft (owner's choice of version bump; a first publication keeps the
 * draft's version). Errors refuse it with file and line; warnings are returned with the version.
 */
export function publishDraft(
	db: Db,
	{
		actorId,
		courseId,
		bump,
		now = new Date()
	}: { actorId: string; courseId: number; bump: Bump; now?: Date }
): PublishResult {
	const row = db.select().from(course).where(eq(course.id, courseId)).get();
	const head = draftText(db, courseId, 'course.yaml');
	if (!row || head === null) throw new DomainError('not_found');
	const written = getYamlValue(head, ['version']);
	// An unreadable version is left for the checker to report with its line.
	const current = typeof written === 'string' ? written : null;
	const version =
		row.currentVersionId === null || current === null ? current : bumpVersion(current, bump);
	if (version !== null && current !== null && version !== current)
		saveDraftFile(db, {
			courseId,
			path: 'course.yaml',
			text: setYamlValue(head, ['version'], version),
			actorId,
			now
		});
	const { loaded, problems, hash, scratch } = checkDraft(db, { courseId, slug: row.slug });
	try {
		const c = loaded.course;
		if (!c) {
			// Refused: the draft keeps the version it had, as the owner left it.
			if (version !== current)
				saveDraftFile(db, { courseId, path: 'course.yaml', text: head, actorId, now });
			return { ok: false, problems: problems.filter((p) => p.severity === 'error') };
		}
		// Each image's copies were made when it was uploaded (ensureDraftVariants before this).
		const rendered = renderCourse(c, imageResolver(db, c.media));
		const extras = renderExtras(c);
		const changed = draftRows(db, courseId)
			.filter((r) => r.baseHash !== r.hash)
			.map((r) => r.path);
		db.transaction((tx) => {
			// First: reads of cached content inside this transaction must not see the old course.
			bumpContentVersion(tx, { db, now });
			writeCourse(tx, { course: c, hash, rendered, extras, courseId, now });
			recordPublishedImages(tx, courseId, c.media);
			tx.update(course)
				.set({ source: 'studio', editedInStudio: true })
				.where(eq(course.id, courseId))
				.run();
			tx.update(draftFile)
				.set({ baseHash: sql`${draftFile.hash}` })
				.where(eq(draftFile.courseId, courseId))
				.run();
			snapshotDraft(tx, courseId);
			recordAudit(
				tx,
				{
					actorId,
					action: 'studio.publish',
					subjectType: 'course',
					subjectId: String(courseId),
					details: { version, changed }
				},
				now
			);
		});
		rebuildSearchIndex(db);
		return { ok: true, version: c.version, warnings: problems };
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}
