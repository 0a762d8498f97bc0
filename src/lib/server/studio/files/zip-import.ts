// Uploading a course zip replaces the course's draft, after the same loader and checker as
// `courses/` and publishing: any error refuses it with file and line, and nothing is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { draftFile } from '../../db/schema/index.ts';
import { recordAudit } from '../../audit/log.ts';
import { loadCourse } from '../../courses/format/load.ts';
import { MEDIA_DIR } from '../../courses/format/media-dir.ts';
import { hashCourseDir } from '../../courses/import/hash.ts';
import { draftRows, saveDraftBytes, sha256 } from '../draft-files.ts';
import type { DraftProblem } from '../publish.ts';
import { ensureVariants } from '../media/store.ts';
import { readCourseZip } from './zip-read.ts';

export type ZipImport =
	{ ok: true; changed: string[]; hash: string } | { ok: false; problems: DraftProblem[] };

/** Checks the zip's course in a scratch folder named for `slug` (the loader reads the slug there). */
function checkFiles(files: Map<string, Uint8Array>, slug: string) {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-zip-'));
	const dir = path.join(scratch, slug);
	try {
		for (const [p, data] of files) {
			const file = path.join(dir, ...p.split('/'));
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, data);
		}
		const loaded = loadCourse(dir);
		const problems = loaded.problems.map((p) => ({
			...p,
			file: path.relative(dir, p.file).split(path.sep).join('/') || 'course.yaml'
		}));
		return { ok: loaded.course !== null, problems, hash: hashCourseDir(dir) };
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}

/** Replaces course `slug`'s draft with the zip's files, if they pass every checker rule. */
export async function importDraftZip(
	db: Db,
	opts: {
		actorId: string;
		courseId: number;
		slug: string;
		bytes: Uint8Array;
		dataDir: string;
		now?: Date;
	}
): Promise<ZipImport> {
	const { actorId, courseId, slug, dataDir, now = new Date() } = opts;
	const files = readCourseZip(opts.bytes);
	const checked = checkFiles(files, slug);
	if (!checked.ok)
		return { ok: false, problems: checked.problems.filter((p) => p.severity === 'error') };
	for (const [p, data] of files)
		if (p.startsWith(`${MEDIA_DIR}/`)) await ensureVariants(db, { dataDir, master: data });
	const before = new Map(draftRows(db, courseId).map((r) => [r.path, r.hash]));
	const changed = [...files].filter(([p, data]) => before.get(p) !== sha256(Buffer.from(data)));
	const removed = [...before.keys()].filter((p) => !files.has(p));
	db.transaction((tx) => {
		tx.delete(draftFile)
			.where(and(eq(draftFile.courseId, courseId), notInArray(draftFile.path, [...files.keys()])))
			.run();
		for (const [p, content] of changed)
			saveDraftBytes(tx, { courseId, path: p, content, actorId, now });
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.files.upload',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { changed: changed.map(([p]) => p), removed }
			},
			now
		);
	});
	return { ok: true, changed: [...changed.map(([p]) => p), ...removed], hash: checked.hash };
}
