// A lesson file is front matter (title, minutes, …) and a Markdown body. The studio edits the
// body as text and the title and minutes as fields; every other byte of the file is kept.
import { splitFrontMatter } from '../courses/format/lesson-file.ts';
import { renderStoredLesson } from '../courses/import/import-courses.ts';
import type { ImageResolver } from '../courses/render/images.ts';
import type { Locale } from '../text/localised.ts';
import { getYamlValue, setYamlValue } from './yaml-edit.ts';

export type LessonFields = { title: string; minutes: string; body: string };

/** The editable parts of a lesson file (a file without front matter is all body). */
export function readLessonFields(text: string): LessonFields {
	const parts = splitFrontMatter(text);
	if (!parts) return { title: '', minutes: '', body: text };
	const title = getYamlValue(parts.yaml, ['title']);
	const minutes = getYamlValue(parts.yaml, ['minutes']);
	return {
		title: typeof title === 'string' ? title : '',
		minutes: typeof minutes === 'number' || typeof minutes === 'string' ? String(minutes) : '',
		body: parts.body
	};
}

/** Browsers send a textarea's line breaks as CRLF; course files use LF, as typed. */
export const normaliseNewlines = (text: string): string => text.replace(/\r\n?/g, '\n');

/** The file with new fields: unchanged front matter stays byte for byte. */
export function writeLessonFields(text: string, fields: LessonFields): string {
	const body = normaliseNewlines(fields.body);
	const parts = splitFrontMatter(text);
	if (!parts)
		return `---\ntitle: ${JSON.stringify(fields.title)}\nminutes: ${fields.minutes}\n---\n${body}`;
	let yaml = parts.yaml + '\n';
	const old = readLessonFields(text);
	if (fields.title !== old.title) yaml = setYamlValue(yaml, ['title'], fields.title);
	if (fields.minutes !== old.minutes) {
		const n = Number(fields.minutes);
		yaml = setYamlValue(yaml, ['minutes'], Number.isInteger(n) && n > 0 ? n : fields.minutes);
	}
	const head = text.split('\n').slice(0, parts.bodyLine);
	return `${head[0] ?? '---'}\n${yaml}${head.at(-1) ?? '---'}\n${body}`;
}

/** The preview: the reader's renderer and sanitiser, on the body as it stands. */
export function previewLesson(body: string, locale: Locale, image?: ImageResolver): string {
	return renderStoredLesson(normaliseNewlines(body), locale, image);
}
