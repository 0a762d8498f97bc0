// "Insert in a lesson" without JavaScript: the image's Markdown is added at the end of the
// lesson in each language the user may edit, with that language's alt text.
import type { Db } from '../../db/index.ts';
import { recordAudit } from '../../audit/log.ts';
import { DomainError } from '../../errors.ts';
import { MEDIA_DIR, MEDIA_NAME } from '../../courses/format/media-dir.ts';
import type { Locale } from '../../text/localised.ts';
import { draftText, saveDraftFile } from '../draft-files.ts';
import { imageSnippet, type Alts } from './upload.ts';

/** Appends image `name` to lesson `stem` (`01-basics/02-reading`) in each allowed language. */
export function insertImage(
	db: Db,
	opts: {
		actorId: string;
		courseId: number;
		name: string;
		stem: string;
		alts: Alts;
		/** The languages this user may edit; the others are left alone. */
		mayEdit: (l: Locale) => boolean;
		now?: Date;
	}
): Locale[] {
	const { actorId, courseId, name, stem, alts, mayEdit, now = new Date() } = opts;
	if (!MEDIA_NAME.test(name) || draftText(db, courseId, `${MEDIA_DIR}/${name}`) === null)
		throw new DomainError('not_found', 'name');
	const done: Locale[] = [];
	db.transaction((tx) => {
		for (const [l, raw] of Object.entries(alts) as [Locale, string][]) {
			const file = `${stem}.${l}.md`;
			const text = draftText(tx, courseId, file);
			const alt = raw.replace(/\s+/g, ' ').trim();
			if (text === null || alt === '' || !mayEdit(l)) continue;
			const body = `${text.replace(/\n*$/, '')}\n\n${imageSnippet(name, alt)}\n`;
			saveDraftFile(tx, { courseId, path: file, text: body, actorId, now });
			done.push(l);
		}
		if (done.length === 0) throw new DomainError('image_insert_nothing', 'lesson');
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.media.insert',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { name, stem, languages: done }
			},
			now
		);
	});
	return done;
}
