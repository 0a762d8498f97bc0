import fs from 'node:fs';
import { isScalar } from 'yaml';
import { START, type Report } from './problems.ts';
import { type Locale } from '../../text/localised.ts';
import { checkLessonMarkdown } from './lesson-markdown.ts';
import type { LessonText } from '../types.ts';
import { YamlObject } from './yaml-object.ts';
import { YamlSource } from './yaml-source.ts';

const FENCE = /^---[ \t]*\r?$/;

/** Splits `---` front matter from the body; `bodyLine` is the body's first line number minus one. */
export function splitFrontMatter(
	text: string
): { yaml: string; body: string; bodyLine: number } | null {
	const lines = text.split('\n');
	if (!FENCE.test(lines[0] ?? '')) return null;
	const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
	if (end < 0) return null;
	return {
		yaml: lines.slice(1, end).join('\n'),
		body: lines.slice(end + 1).join('\n'),
		bodyLine: end + 1
	};
}

/** Reads one lesson file: front matter checked, Markdown checked for links, images and blocks. */
export function readLessonFile(
	file: string,
	report: Report,
	locale: Locale,
	locales: readonly Locale[]
): LessonText | null {
	const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
	const parts = splitFrontMatter(text);
	if (!parts) {
		report.error(file, START, 'a lesson must start with front matter between two "---" lines');
		return null;
	}
	const src = new YamlSource(file, report, locales, 1);
	const root = src.parseMap(parts.yaml);
	const lessonTitle = root ? readFrontMatter(new YamlObject(src, root)) : null;
	checkLessonMarkdown(parts.body, { file, report, lineOffset: parts.bodyLine });
	if (!lessonTitle) return null;
	return { locale, file, ...lessonTitle, markdown: parts.body };
}

function readFrontMatter(o: YamlObject): Pick<LessonText, 'title' | 'minutes' | 'sources'> | null {
	o.onlyKeys(['title', 'minutes', 'sources']);
	const title = o.string('title');
	const minutes = o.number('minutes', { integer: true, min: 1 });
	const nodes = o.list('sources');
	let sources: string[] | undefined;
	if (nodes) {
		const texts = nodes.map((n) =>
			isScalar(n) && typeof n.value === 'string' && n.value.trim() ? n.value : null
		);
		if (nodes.length === 0)
			o.src.error(o.node('sources'), '"sources" must list at least one source');
		texts.forEach((t, i) => {
			if (t === null) o.src.error(nodes[i], 'each source must be text');
		});
		if (nodes.length > 0 && texts.every((t) => t !== null)) sources = texts;
	}
	if (title === undefined || minutes === undefined || sources === undefined) return null;
	return { title, minutes, sources };
}
