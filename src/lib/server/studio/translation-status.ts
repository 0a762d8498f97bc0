// A lesson's translation status, and a translator's view of the course: which lessons each
// language still needs. The source hash a translation was saved against lives on its draft row
// (draft_file.source_hash, set by draft-files.ts on every save): the draft already holds both
// files and is where a save happens, so no second table has to be kept in step with it.
import type { Locale } from '../text/localised.ts';
import type { Outline } from './outline.ts';

export type TranslationStatus = 'source' | 'missing' | 'current' | 'outdated';

/**
 * Missing without a file; up to date when the source's hash now is the one recorded when the
 * translation was last saved; outdated otherwise (a source edited or gone since).
 */
export function translationStatus({
	isSource,
	savedSourceHash,
	sourceHash
}: {
	isSource: boolean;
	/** The translation's recorded source hash; undefined when there is no translation file. */
	savedSourceHash: string | null | undefined;
	/** The source lesson's hash now (undefined when the draft has no source lesson). */
	sourceHash: string | undefined;
}): TranslationStatus {
	if (isSource) return 'source';
	if (savedSourceHash === undefined) return 'missing';
	return savedSourceHash !== null && savedSourceHash === sourceHash ? 'current' : 'outdated';
}

export type WorkItem = {
	module: string;
	moduleTitle: string;
	lesson: string;
	title: string;
	status: 'missing' | 'outdated';
};
export type LanguageWork = { locale: Locale; done: number; total: number; todo: WorkItem[] };

/** Per target language of the outline: lessons missing or outdated, in course order. */
export function translationWork(outline: Outline, locales: readonly Locale[]): LanguageWork[] {
	return locales
		.filter((l) => l !== outline.source)
		.map((locale) => {
			const todo: WorkItem[] = [];
			let total = 0;
			for (const m of outline.modules)
				for (const l of m.lessons) {
					total++;
					const status = l.languages.find((g) => g.locale === locale)?.status ?? 'missing';
					if (status === 'missing' || status === 'outdated')
						todo.push({
							module: m.slug,
							moduleTitle: m.title,
							lesson: l.slug,
							title: l.title,
							status
						});
				}
			return { locale, done: total - todo.length, total, todo };
		});
}
