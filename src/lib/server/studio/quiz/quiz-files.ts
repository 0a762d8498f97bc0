// The quizzes of a draft as the studio names them: a module's quiz.yaml by the module's slug,
// the final assessment (from which the pre-test is drawn) as `final`.
import type { DbLike } from '../../db/index.ts';
import { LOCALES, isLocale, type Locale } from '../../text/localised.ts';
import { draftRows, draftText } from '../draft-files.ts';
import { getYamlValue } from '../yaml-edit.ts';

export type DraftQuiz = {
	/** The module's slug, or `final`. */
	key: string;
	path: string;
	title: string;
	/** Questions in the file now; null when the file does not exist yet (a module without quiz). */
	count: number | null;
};

const pick = (value: unknown, order: readonly Locale[]): string => {
	const map = (value ?? {}) as Partial<Record<Locale, unknown>>;
	for (const l of order) if (typeof map[l] === 'string') return map[l];
	return '';
};

/** The course's quizzes in outline order: one per module (existing or not), then the final. */
export function draftQuizzes(db: DbLike, courseId: number, locale: Locale): DraftQuiz[] {
	const rows = draftRows(db, courseId);
	const text = new Map(rows.map((r) => [r.path, Buffer.from(r.content).toString('utf8')]));
	const order = [locale, ...courseLocales(text.get('course.yaml') ?? ''), ...LOCALES];
	const describe = (key: string, path: string, titleFrom: string): DraftQuiz => {
		const own = text.get(path);
		const questions = own === undefined ? undefined : getYamlValue(own, ['questions']);
		return {
			key,
			path,
			title: pick(getYamlValue(own ?? titleFrom, ['title']), order) || key,
			count: own === undefined ? null : Array.isArray(questions) ? questions.length : 0
		};
	};
	const modules = rows.flatMap((r) => {
		const m = /^(?<dir>\d{2}-(?<slug>[a-z0-9-]+))\/module\.yaml$/.exec(r.path)?.groups;
		return m?.dir && m.slug ? [describe(m.slug, `${m.dir}/quiz.yaml`, text.get(r.path) ?? '')] : [];
	});
	return text.has('final.yaml') ? [...modules, describe('final', 'final.yaml', '')] : modules;
}

/** The quiz `key` names in the draft, or null when there is no such module (or final). */
export function findDraftQuiz(db: DbLike, courseId: number, key: string): DraftQuiz | null {
	return draftQuizzes(db, courseId, 'ar').find((q) => q.key === key) ?? null;
}

/** The course's languages as its draft course.yaml lists them (the source first). */
export function courseLocales(courseYaml: string): Locale[] {
	const listed = getYamlValue(courseYaml, ['locales']);
	const out = Array.isArray(listed) ? listed.filter(isLocale) : [];
	return out.length > 0 ? out : ['ar'];
}

/** The draft's course languages. */
export function draftLocales(db: DbLike, courseId: number): Locale[] {
	return courseLocales(draftText(db, courseId, 'course.yaml') ?? '');
}
