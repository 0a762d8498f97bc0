// The course's files as last published, kept beside the draft so the studio can show what a
// publication would change (changes.ts). Written when a draft starts from published files and
// again, in publishing's transaction, from the draft that became the new version.
import { eq } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { publishedFile } from '../db/schema/index.ts';
import { draftRows, sha256 } from './draft-files.ts';

/** Files whose text a diff can show; other files (images) are compared by hash only. */
export const isTextFile = (p: string): boolean => /\.(md|ya?ml|txt|csv)$/.test(p);

/** Replaces the course's published snapshot with `files`. */
export function recordPublishedFiles(
	db: DbLike,
	{ courseId, files }: { courseId: number; files: ReadonlyMap<string, Buffer> }
): void {
	db.delete(publishedFile).where(eq(publishedFile.courseId, courseId)).run();
	for (const [path, content] of files)
		db.insert(publishedFile)
			.values({ courseId, path, content: isTextFile(path) ? content : null, hash: sha256(content) })
			.run();
}

/** The draft as it stands becomes the published snapshot (call inside publishing's transaction). */
export function snapshotDraft(db: DbLike, courseId: number): void {
	recordPublishedFiles(db, {
		courseId,
		files: new Map(draftRows(db, courseId).map((r) => [r.path, Buffer.from(r.content)]))
	});
}

/** The snapshot by path: a text file's bytes, or only its hash. */
export function publishedFiles(
	db: DbLike,
	courseId: number
): Map<string, { hash: string; content: Buffer | null }> {
	return new Map(
		db
			.select()
			.from(publishedFile)
			.where(eq(publishedFile.courseId, courseId))
			.all()
			.map((r) => [r.path, { hash: r.hash, content: r.content ? Buffer.from(r.content) : null }])
	);
}
