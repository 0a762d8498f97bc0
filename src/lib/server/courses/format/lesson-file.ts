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
	locales: readonly Locale[],
	evidence: string | null = null
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
	checkLessonMarkdown(parts.body, { file, report, lineOffset: parts.bodyLine, evidence });
	if (!lessonTitle) return null;
	return { locale, file, ...lessonTitle, markdown: parts.body };
}

type FrontMatter = Omit<LessonText, 'locale' | 'file' | 'markdown'>;

function readFrontMatter(o: YamlObject): FrontMatter | null {
	o.onlyKeys(['title', 'minutes', 'sources', 'outcomes', 'activityMinutes', 'case']);
	const title = o.string('title');
	const minutes = o.number('minutes', { integer: true, min: 1 });
	const outcomes = readOutcomes(o);
	const activityMinutes =
		o.number('activityMinutes', { required: false, integer: true, min: 0 }) ?? 0;
	const kase = o.oneOf('case', ['real', 'fictional'], { required: false }) ?? null;
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
	return { title, minutes, sources, outcomes, activityMinutes, case: kase };
}

/** `outcomes:` 1 to 3 texts in the file's language; missing is a warning while courses adopt it. */
function readOutcomes(o: YamlObject): string[] {
	if (!o.has('outcomes')) {
		o.src.warn(o.map, 'missing "outcomes" (1 to 3 things the learner can do after this lesson)');
		return [];
	}
	const nodes = o.list('outcomes');
	if (!nodes) return [];
	const texts = nodes.flatMap((n) =>
		isScalar(n) && typeof n.value === 'string' && n.value.trim() ? [n.value] : []
	);
	if (texts.length !== nodes.length || texts.length < 1 || texts.length > 3) {
		o.src.error(o.node('outcomes'), '"outcomes" must be a list of 1 to 3 texts');
		return [];
	}
	return texts;
}
