// Worksheets and the facilitator guide as the reader shows them: rendered at import into the
// version's extras (courses/import/extras.ts), picked here in the reader's best language.
import type { DbLike } from '../db/index.ts';
import { currentCourseMeta } from '../courses/current-meta.ts';
import type { RenderedPage } from '../courses/types.ts';
import { localeOrder, type Locale } from '../text/localised.ts';

export type PrintPage = RenderedPage & { locale: Locale; fallback: boolean };

type Where = { courseId: number; locale: Locale; courseLocales: Locale[] };

function pick(
	texts: Partial<Record<Locale, RenderedPage>>,
	{ locale, courseLocales }: Omit<Where, 'courseId'>
): PrintPage | null {
	const found = localeOrder(locale, courseLocales).find((l) => texts[l]);
	const page = found && texts[found];
	return found && page ? { ...page, locale: found, fallback: found !== locale } : null;
}

/** The course's worksheets (slug and title), in order. */
export function listWorksheets(db: DbLike, where: Where): { slug: string; title: string }[] {
	const sheets = currentCourseMeta(db, where.courseId)?.extras?.worksheets ?? [];
	return sheets.flatMap((w) => {
		const page = pick(w.texts, where);
		return page ? [{ slug: w.slug, title: page.title }] : [];
	});
}

/** One worksheet in the reader's best language; null when the course has none by that slug. */
export function findWorksheet(db: DbLike, where: Where & { slug: string }): PrintPage | null {
	const sheets = currentCourseMeta(db, where.courseId)?.extras?.worksheets ?? [];
	const sheet = sheets.find((w) => w.slug === where.slug);
	return sheet ? pick(sheet.texts, where) : null;
}

/** The facilitator guide in the reader's best language; null when the course has none. */
export function findFacilitatorGuide(db: DbLike, where: Where): PrintPage | null {
	const guide = currentCourseMeta(db, where.courseId)?.extras?.facilitator;
	return guide ? pick(guide, where) : null;
}
