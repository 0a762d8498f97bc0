// A draft is a set of course files (see db/schema/drafts.ts). This module is the only one that
// reads or writes the rows; everything else asks it for paths and text.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { parse } from 'yaml';
import type { DbLike } from '../db/index.ts';
import { draftFile, type DraftFile } from '../db/schema/index.ts';
import { isLocale, type Locale } from '../text/localised.ts';

export const sha256 = (bytes: Buffer | string): string =>
	createHash('sha256').update(bytes).digest('hex');

/** `01-basics/02-reading.fr.md` → the lesson's stem and locale; null for any other file. */
export function lessonFileParts(p: string): { stem: string; locale: Locale } | null {
	const m = /^(?<stem>\d{2}-[a-z0-9-]+\/\d{2}-[a-z0-9-]+)\.(?<locale>[a-z]{2})\.md$/.exec(p);
	const { stem, locale } = m?.groups ?? {};
	return stem && isLocale(locale) ? { stem, locale } : null;
}

/** Every file of a course folder by relative path, dotfiles aside (as the importer hashes it). */
export function readCourseFolder(dir: string): Map<string, Buffer> {
	const out = new Map<string, Buffer>();
	const walk = (rel: string): void => {
		for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
			if (entry.name.startsWith('.')) continue;
			const child = path.posix.join(rel, entry.name);
			if (entry.isDirectory()) walk(child);
			else if (entry.isFile()) out.set(child, fs.readFileSync(path.join(dir, child)));
		}
	};
	walk('');
	return out;
}

/** The draft's rows, by path. */
export function draftRows(db: DbLike, courseId: number): DraftFile[] {
	return db
		.select()
		.from(draftFile)
		.where(eq(draftFile.courseId, courseId))
		.orderBy(asc(draftFile.path))
		.all();
}

/** One draft file as text, or null when the draft has no such file. */
export function draftText(db: DbLike, courseId: number, p: string): string | null {
	const row = db
		.select({ content: draftFile.content })
		.from(draftFile)
		.where(and(eq(draftFile.courseId, courseId), eq(draftFile.path, p)))
		.get();
	return row ? Buffer.from(row.content).toString('utf8') : null;
}

/** The course's source language: the first of course.yaml's `locales` (Arabic when unreadable). */
export function sourceLocale(files: ReadonlyMap<string, Buffer>): Locale {
	try {
		const head = parse(files.get('course.yaml')?.toString('utf8') ?? '') as {
			locales?: unknown[];
		} | null;
		const first = head?.locales?.[0];
		return isLocale(first) ? first : 'ar';
	} catch {
		return 'ar';
	}
}

/** For a lesson in a target language, the hash of its source-language lesson; else null. */
function sourceHashFor(p: string, files: ReadonlyMap<string, Buffer>, source: Locale) {
	const parts = lessonFileParts(p);
	if (!parts || parts.locale === source) return null;
	const src = files.get(`${parts.stem}.${source}.md`);
	return src ? sha256(src) : null;
}

/** Fills an empty draft with files (as published: each file's base hash is its own hash). */
export function insertDraft(
	db: DbLike,
	{ courseId, files, actorId, now }: DraftWrite & { files: ReadonlyMap<string, Buffer> }
): void {
	const source = sourceLocale(files);
	for (const [p, content] of files) {
		const hash = sha256(content);
		db.insert(draftFile)
			.values({
				courseId,
				path: p,
				content,
				hash,
				baseHash: hash,
				sourceHash: sourceHashFor(p, files, source),
				updatedBy: actorId,
				updatedAt: now
			})
			.run();
	}
}

type DraftWrite = { courseId: number; actorId: string | null; now: Date };

/** Saves one file's text in the draft (a translation also records its source's hash now). */
export function saveDraftFile(
	db: DbLike,
	{ text, ...rest }: DraftWrite & { path: string; text: string }
): void {
	saveDraftBytes(db, { ...rest, content: Buffer.from(text, 'utf8') });
}

/** Saves one file's bytes in the draft (an image under media/, say). */
export function saveDraftBytes(
	db: DbLike,
	{ courseId, path: p, content, actorId, now }: DraftWrite & { path: string; content: Uint8Array }
): void {
	const files = new Map<string, Buffer>(
		draftRows(db, courseId).map((r) => [r.path, Buffer.from(r.content)])
	);
	const bytes = Buffer.from(content);
	files.set(p, bytes);
	const set = {
		content: bytes,
		hash: sha256(bytes),
		sourceHash: sourceHashFor(p, files, sourceLocale(files)),
		updatedBy: actorId,
		updatedAt: now
	};
	db.insert(draftFile)
		.values({ courseId, path: p, baseHash: null, ...set })
		.onConflictDoUpdate({ target: [draftFile.courseId, draftFile.path], set })
		.run();
}

/** Writes the draft as a course folder, byte for byte. */
export function writeDraftFolder(db: DbLike, { courseId, dir }: { courseId: number; dir: string }) {
	for (const row of draftRows(db, courseId)) {
		const file = path.join(dir, ...row.path.split('/'));
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, row.content);
	}
}
