// Worksheets (worksheets/NN-slug.locale.md) and the facilitator guide (facilitator.locale.md):
// Markdown pages printed on paper, read like lessons but without lesson rules (words, outcomes).
import fs from 'node:fs';
import path from 'node:path';
import { SLUG, START, type Report } from './problems.ts';
import { isLocale, type Locale } from '../../text/localised.ts';
import { splitFrontMatter } from './lesson-file.ts';
import { checkLessonMarkdown } from './lesson-markdown.ts';
import type { FacilitatorText, Worksheet } from '../types.ts';
import { YamlObject } from './yaml-object.ts';
import { YamlSource } from './yaml-source.ts';

const WORKSHEET_FILE = /^(\d{2})-(.+)\.([A-Za-z-]+)\.md$/;
export const FACILITATOR_FILE = /^facilitator\.([A-Za-z-]+)\.md$/;
/** The guide must exist in these; other course locales are welcome. */
const FACILITATOR_LOCALES: Locale[] = ['ar', 'fr'];

type Ctx = { report: Report; locales: readonly Locale[] };

/** Front matter and body of one page file; null (reported) when unusable. */
function readPage(
	file: string,
	keys: string[],
	{ report, locales }: Ctx
): { fields: Record<string, string>; markdown: string } | null {
	const parts = splitFrontMatter(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
	if (!parts) {
		report.error(file, START, 'the file must start with front matter between two "---" lines');
		return null;
	}
	const src = new YamlSource(file, report, locales, 1);
	const root = src.parseMap(parts.yaml);
	checkLessonMarkdown(parts.body, { file, report, lineOffset: parts.bodyLine, countWords: false });
	if (!root) return null;
	const o = new YamlObject(src, root);
	o.onlyKeys(keys);
	const fields: Record<string, string> = {};
	for (const key of keys) {
		const value = o.string(key);
		if (value === undefined) return null;
		fields[key] = value;
	}
	return { fields, markdown: parts.body };
}

/** Reads courses/<slug>/worksheets/: one worksheet per slug, one file per locale. */
export function readWorksheets(dir: string, ctx: Ctx): Worksheet[] {
	const folder = path.join(dir, 'worksheets');
	if (!fs.existsSync(folder)) return [];
	const bySlug = new Map<string, Worksheet>();
	for (const name of fs.readdirSync(folder).sort()) {
		const file = path.join(folder, name);
		if (name.startsWith('.')) continue;
		const m = WORKSHEET_FILE.exec(name);
		const [, num = '', slug = '', locale = ''] = m ?? [];
		if (!m || !SLUG.test(slug) || !isLocale(locale)) {
			ctx.report.error(file, START, `worksheet files are named NN-slug.locale.md: ${name}`);
			continue;
		}
		const page = readPage(file, ['title', 'purpose'], ctx);
		let sheet = bySlug.get(slug);
		if (!sheet) bySlug.set(slug, (sheet = { slug, position: Number(num), texts: {} }));
		if (page) {
			const { title = '', purpose = '' } = page.fields;
			sheet.texts[locale] = { locale, file, title, purpose, markdown: page.markdown };
		}
	}
	for (const sheet of bySlug.values())
		for (const locale of ctx.locales)
			if (!sheet.texts[locale])
				ctx.report.warn(folder, START, `worksheet "${sheet.slug}" has no "${locale}" file`);
	return [...bySlug.values()].sort((a, b) => a.position - b.position);
}

/** Reads facilitator.<locale>.md: the guide for trainers running the course with a group. */
export function readFacilitator(dir: string, ctx: Ctx): Partial<Record<Locale, FacilitatorText>> {
	const out: Partial<Record<Locale, FacilitatorText>> = {};
	for (const name of fs.readdirSync(dir).sort()) {
		const locale = FACILITATOR_FILE.exec(name)?.[1];
		if (locale === undefined) continue;
		const file = path.join(dir, name);
		if (!isLocale(locale)) {
			ctx.report.error(
				file,
				START,
				`unknown locale "${locale}" in the file name (use ar, fr or en)`
			);
			continue;
		}
		const page = readPage(file, ['title'], ctx);
		if (page)
			out[locale] = { locale, file, title: page.fields.title ?? '', markdown: page.markdown };
	}
	const missing = FACILITATOR_LOCALES.filter((l) => !out[l]);
	if (missing.length > 0)
		ctx.report.warn(
			path.join(dir, `facilitator.${missing[0] ?? 'ar'}.md`),
			START,
			`no facilitator guide in ${missing.join(', ')} (facilitator.<locale>.md; ar and fr are expected)`
		);
	return out;
}
