// Conflicts between a studio-edited course and its `courses/` folder, as the importer notes them
// (courses/import/conflict.ts): what differs, file by file, and the admin's two choices.
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/index.ts';
import { course, courseVersion, draftFile, importConflict } from '../../db/schema/index.ts';
import { recordAudit } from '../../audit/log.ts';
import { DomainError } from '../../errors.ts';
import type { Localised } from '../../text/localised.ts';
import {
	draftRows,
	readCourseFolder,
	saveDraftFile,
	sha256,
	sourceLocale
} from '../draft-files.ts';
import { findCourseFolder } from '../ensure-draft.ts';

export type FileChange = { path: string; change: 'added' | 'removed' | 'changed' };
export type ImportConflictView = {
	courseId: number;
	slug: string;
	title: Localised | null;
	detectedAt: Date;
	files: FileChange[];
};

/** How the folder's files differ from the draft's, by path. */
export function diffFiles(
	files: ReadonlyMap<string, Buffer>,
	draft: ReadonlyMap<string, string>
): FileChange[] {
	const out: FileChange[] = [];
	for (const [p, content] of files) {
		const hash = draft.get(p);
		if (hash === undefined) out.push({ path: p, change: 'added' });
		else if (hash !== sha256(content)) out.push({ path: p, change: 'changed' });
	}
	for (const p of draft.keys()) if (!files.has(p)) out.push({ path: p, change: 'removed' });
	return out.sort((a, b) => a.path.localeCompare(b.path));
}

function folderOf(coursesDir: string, slug: string): Map<string, Buffer> | null {
	const dir = findCourseFolder(path.resolve(coursesDir), slug);
	return dir ? readCourseFolder(dir) : null;
}

const draftHashes = (db: Db, courseId: number) =>
	new Map(draftRows(db, courseId).map((r) => [r.path, r.hash]));

/** Open conflicts whose folder still differs from the draft, with the files that differ. */
export function listImportConflicts(
	db: Db,
	{ coursesDir }: { coursesDir: string }
): ImportConflictView[] {
	const rows = db
		.select({
			courseId: importConflict.courseId,
			slug: course.slug,
			meta: courseVersion.metadata,
			detectedAt: importConflict.detectedAt
		})
		.from(importConflict)
		.innerJoin(course, eq(course.id, importConflict.courseId))
		.leftJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.where(and(eq(importConflict.status, 'open'), eq(course.archived, false)))
		.orderBy(course.slug)
		.all();
	return rows.flatMap(({ meta, ...r }) => {
		const files = folderOf(coursesDir, r.slug);
		if (!files) return [];
		const changes = diffFiles(files, draftHashes(db, r.courseId));
		return changes.length === 0 ? [] : [{ ...r, title: meta?.title ?? null, files: changes }];
	});
}

/** One file into the draft: text through the draft's own save (source hashes), bytes as they are. */
function writeFile(
	tx: DbLike,
	{
		courseId,
		path: p,
		content = Buffer.alloc(0),
		actorId,
		now
	}: { courseId: number; path: string; content?: Buffer; actorId: string; now: Date }
) {
	const text = content.toString('utf8');
	if (Buffer.from(text, 'utf8').equals(content)) {
		saveDraftFile(tx, { courseId, path: p, text, actorId, now });
		return;
	}
	const set = {
		content,
		hash: sha256(content),
		sourceHash: null,
		updatedBy: actorId,
		updatedAt: now
	};
	tx.insert(draftFile)
		.values({ courseId, path: p, baseHash: null, ...set })
		.onConflictDoUpdate({ target: [draftFile.courseId, draftFile.path], set })
		.run();
}

function openConflict(db: Db, courseId: number) {
	const row = db
		.select()
		.from(importConflict)
		.where(and(eq(importConflict.courseId, courseId), eq(importConflict.status, 'open')))
		.get();
	if (!row) throw new DomainError('not_found');
	return row;
}

/** Keeps the studio's version: the conflict stays dismissed until the folder changes again. */
export function keepStudioVersion(
	db: Db,
	{ actorId, courseId, now = new Date() }: { actorId: string; courseId: number; now?: Date }
): void {
	const c = openConflict(db, courseId);
	db.transaction((tx) => {
		tx.update(importConflict)
			.set({ status: 'kept', decidedBy: actorId, decidedAt: now })
			.where(eq(importConflict.courseId, courseId))
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.conflict.keep',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { filesHash: c.filesHash }
			},
			now
		);
	});
}

/**
 * Takes the files: the draft becomes the folder, file for file (what the folder lacks leaves the
 * draft). Publishing stays the owner's step; the published version is untouched.
 */
export function takeFiles(
	db: Db,
	{
		actorId,
		courseId,
		coursesDir,
		now = new Date()
	}: { actorId: string; courseId: number; coursesDir: string; now?: Date }
): FileChange[] {
	const c = openConflict(db, courseId);
	const slug = db.select({ slug: course.slug }).from(course).where(eq(course.id, courseId)).get();
	const files = slug ? folderOf(coursesDir, slug.slug) : null;
	if (!files) throw new DomainError('not_found');
	const changes = diffFiles(files, draftHashes(db, courseId));
	// Sources before translations, so each translation records the hash of its new source.
	const source = `.${sourceLocale(files)}.md`;
	const order = (p: string) => (p.endsWith('.md') ? (p.endsWith(source) ? 1 : 2) : 0);
	const paths = changes.filter((f) => f.change !== 'removed').map((f) => f.path);
	paths.sort((a, b) => order(a) - order(b));
	db.transaction((tx) => {
		for (const f of changes.filter((x) => x.change === 'removed'))
			tx.delete(draftFile)
				.where(and(eq(draftFile.courseId, courseId), eq(draftFile.path, f.path)))
				.run();
		for (const p of paths)
			writeFile(tx, { courseId, path: p, content: files.get(p), actorId, now });
		tx.update(importConflict)
			.set({ status: 'taken', decidedBy: actorId, decidedAt: now })
			.where(eq(importConflict.courseId, courseId))
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.conflict.take',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { filesHash: c.filesHash, files: changes }
			},
			now
		);
	});
	return changes;
}
