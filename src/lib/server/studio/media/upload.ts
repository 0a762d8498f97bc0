// Adding an image to a course's draft: checked by its bytes, converted to the course's WebP copy
// under media/, with the reader's copies made at once; the alt text of every course language
// is required, and the answer is the Markdown to paste into each language's lesson.
import { parse } from 'yaml';
import type { Db } from '../../db/index.ts';
import { recordAudit } from '../../audit/log.ts';
import { DomainError } from '../../errors.ts';
import { MEDIA_DIR } from '../../courses/format/media-dir.ts';
import { isLocale, type Locale } from '../../text/localised.ts';
import { draftText, saveDraftBytes, sha256 } from '../draft-files.ts';
import { checkUpload, makeMaster } from './resize.ts';
import { ensureVariants } from './store.ts';

export type Alts = Partial<Record<Locale, string>>;
const MAX_ALT = 300;

/** The course's languages, as its draft's course.yaml lists them. */
export function draftLocales(db: Db, courseId: number): Locale[] {
	try {
		const head = parse(draftText(db, courseId, 'course.yaml') ?? '') as { locales?: unknown[] };
		return (head.locales ?? []).filter(isLocale);
	} catch {
		return [];
	}
}

/** The alt text of every course language, trimmed; a missing one is refused on its field. */
export function requireAlts(alts: Alts, locales: Locale[]): Record<Locale, string> {
	const out = {} as Record<Locale, string>;
	for (const l of locales) {
		const alt = (alts[l] ?? '').replace(/\s+/g, ' ').trim();
		if (alt === '') throw new DomainError('image_alt_required', `alt_${l}`);
		if (alt.length > MAX_ALT) throw new DomainError('too_long', `alt_${l}`);
		out[l] = alt;
	}
	return out;
}

/** `Harbour View.JPG` → `harbour-view`; a name with no Latin letters becomes `image`. */
export function imageStem(fileName: string): string {
	const stem = fileName
		.replace(/\.[^.]*$/, '')
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return stem === '' ? 'image' : stem;
}

/** The Markdown that shows image `name` in a lesson, with `alt` (brackets escaped). */
export const imageSnippet = (name: string, alt: string): string =>
	`![${alt.replace(/[\\[\]]/g, '\\$&')}](../${MEDIA_DIR}/${name})`;

export type Uploaded = { name: string; snippets: Record<Locale, string> };

/** Stores an uploaded image in the draft; refuses with a code on the offending field. */
export async function uploadImage(
	db: Db,
	opts: {
		actorId: string;
		courseId: number;
		bytes: Uint8Array;
		fileName: string;
		alts: Alts;
		dataDir: string;
		now?: Date;
	}
): Promise<Uploaded> {
	const { actorId, courseId, bytes, fileName, dataDir, now = new Date() } = opts;
	if (bytes.length === 0) throw new DomainError('required', 'image');
	checkUpload(bytes);
	const alts = requireAlts(opts.alts, draftLocales(db, courseId));
	const master = await makeMaster(bytes);
	const hash = sha256(master.data);
	const name = `${imageStem(fileName)}-${hash.slice(0, 8)}.webp`;
	await ensureVariants(db, { dataDir, master: master.data });
	db.transaction((tx) => {
		saveDraftBytes(tx, {
			courseId,
			path: `${MEDIA_DIR}/${name}`,
			content: master.data,
			actorId,
			now
		});
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.media.upload',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { name, width: master.width, height: master.height }
			},
			now
		);
	});
	const snippets = Object.fromEntries(
		Object.entries(alts).map(([l, alt]) => [l, imageSnippet(name, alt)])
	) as Record<Locale, string>;
	return { name, snippets };
}
