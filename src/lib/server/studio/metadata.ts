// Course and module metadata edited as fields: each value is spliced into its YAML file, so
// the rest of the file (comments, quoting, key order) stays byte for byte.
import type { Db } from '../db/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import type { Locale } from '../text/localised.ts';
import { draftText, saveDraftFile } from './draft-files.ts';
import { setYamlValue } from './yaml-edit.ts';

/** Sets the `title` of course.yaml or of a module's module.yaml, per language given. */
export function setTitles(
	db: Db,
	{
		actorId,
		courseId,
		file,
		titles,
		now = new Date()
	}: {
		actorId: string;
		courseId: number;
		/** `course.yaml` or `NN-module/module.yaml`. */
		file: string;
		titles: Partial<Record<Locale, string>>;
		now?: Date;
	}
): void {
	if (file !== 'course.yaml' && !/^\d{2}-[a-z0-9-]+\/module\.yaml$/.test(file))
		throw new DomainError('not_found');
	let text = draftText(db, courseId, file);
	if (text === null) throw new DomainError('not_found');
	for (const [locale, title] of Object.entries(titles)) {
		if (title.trim() === '') throw new DomainError('required', `title_${locale}`);
		if (title.length > 200) throw new DomainError('too_long', `title_${locale}`);
		text = setYamlValue(text, ['title', locale], title.trim());
	}
	const after = text;
	db.transaction((tx) => {
		saveDraftFile(tx, { courseId, path: file, text: after, actorId, now });
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.draft.save',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { path: file, fields: Object.keys(titles).map((l) => `title.${l}`) }
			},
			now
		);
	});
}
