// The draft as the studio shows it: modules and lessons read from the file paths, each lesson's
// languages with their translation status (a target language is outdated when its source lesson
// changed after it was last saved: the saved source hash no longer matches).
import type { DbLike } from '../db/index.ts';
import type { DraftFile } from '../db/schema/index.ts';
import { LOCALES, type Locale } from '../text/localised.ts';
import { draftRows, lessonFileParts, sourceLocale } from './draft-files.ts';
import { getYamlValue } from './yaml-edit.ts';
import { readLessonFields } from './lesson-edit.ts';

import { translationStatus, type TranslationStatus } from './translation-status.ts';

export type { TranslationStatus };
export type OutlineLesson = {
	slug: string;
	stem: string;
	title: string;
	languages: { locale: Locale; status: TranslationStatus; path: string }[];
};
export type OutlineModule = {
	slug: string;
	dir: string;
	title: string;
	titles: Partial<Record<Locale, string>>;
	lessons: OutlineLesson[];
};
export type Outline = {
	/** The course title from the draft's course.yaml ('' when the course has no draft yet). */
	title: string;
	titles: Partial<Record<Locale, string>>;
	source: Locale;
	modules: OutlineModule[];
	/** Files whose content differs from the last publication (or that it did not have). */
	changes: number;
	/** Per language: lessons present and up to date, of all lessons. */
	completeness: Record<Locale, { done: number; total: number }>;
};

const text = (row: DraftFile | undefined): string =>
	row ? Buffer.from(row.content).toString('utf8') : '';
const pick = (value: unknown, order: Locale[]): string => {
	if (typeof value === 'string') return value;
	const map = (value ?? {}) as Partial<Record<Locale, unknown>>;
	for (const l of order) if (typeof map[l] === 'string') return map[l];
	return '';
};

/** A YAML file's `title` map, its string values only. */
function titlesOf(yaml: string): Partial<Record<Locale, string>> {
	const map = getYamlValue(yaml, ['title']);
	if (map === null || typeof map !== 'object') return {};
	return Object.fromEntries(
		Object.entries(map).filter(
			(e): e is [Locale, string] => typeof e[1] === 'string' && LOCALES.includes(e[0] as Locale)
		)
	);
}

/** The course's draft outline, titles in `locale` where the draft has them. */
export function draftOutline(db: DbLike, courseId: number, locale: Locale): Outline {
	const rows = draftRows(db, courseId);
	const byPath = new Map(rows.map((r) => [r.path, r]));
	const source = sourceLocale(new Map(rows.map((r) => [r.path, Buffer.from(r.content)])));
	const order = [locale, source, ...LOCALES];
	const modules = new Map<string, OutlineModule>();
	for (const r of rows) {
		const m = /^(?<dir>\d{2}-(?<slug>[a-z0-9-]+))\/module\.yaml$/.exec(r.path);
		const { dir, slug } = m?.groups ?? {};
		if (!dir || !slug) continue;
		const title = pick(getYamlValue(text(r), ['title']), order) || slug;
		modules.set(dir, { slug, dir, title, titles: titlesOf(text(r)), lessons: [] });
	}
	const stems = new Map<string, OutlineLesson>();
	for (const r of rows) {
		const parts = lessonFileParts(r.path);
		const [dir = '', file = ''] = parts?.stem.split('/') ?? [];
		const mod = modules.get(dir);
		if (!parts || !mod || stems.has(parts.stem)) continue;
		const srcRow = byPath.get(`${parts.stem}.${source}.md`);
		const languages = LOCALES.map((l) => {
			const path = `${parts.stem}.${l}.md`;
			const row = byPath.get(path);
			const status = translationStatus({
				isSource: l === source,
				savedSourceHash: row ? row.sourceHash : undefined,
				sourceHash: srcRow?.hash
			});
			return { locale: l, status, path };
		});
		const titled = byPath.get(`${parts.stem}.${locale}.md`) ?? srcRow ?? r;
		const lesson = {
			slug: file.slice(3),
			stem: parts.stem,
			title: readLessonFields(text(titled)).title || parts.stem,
			languages
		};
		stems.set(parts.stem, lesson);
		mod.lessons.push(lesson);
	}
	const all = [...stems.values()];
	const completeness = Object.fromEntries(
		LOCALES.map((l) => [
			l,
			{
				done: all.filter((x) =>
					x.languages.some(
						(g) => g.locale === l && g.status !== 'missing' && g.status !== 'outdated'
					)
				).length,
				total: all.length
			}
		])
	) as Outline['completeness'];
	return {
		title: pick(getYamlValue(text(byPath.get('course.yaml')), ['title']), order),
		titles: titlesOf(text(byPath.get('course.yaml'))),
		source,
		modules: [...modules.values()],
		changes: rows.filter((r) => r.baseHash !== r.hash).length,
		completeness
	};
}
