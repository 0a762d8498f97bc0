import { asc } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { governorate, municipality } from '../db/schema/index.ts';
import { type Locale } from '../text/localised.ts';

const nameIn = (locale: Locale, r: { nameAr: string; nameFr: string; nameEn: string }) =>
	locale === 'ar' ? r.nameAr : locale === 'fr' ? r.nameFr : r.nameEn;

/** Governorates with their municipalities, names in one locale, sorted for that locale. */
export function listPlaces(db: Db, locale: Locale) {
	const govs = db.select().from(governorate).orderBy(asc(governorate.id)).all();
	const munis = db.select().from(municipality).all();
	const collator = new Intl.Collator(locale);
	return govs
		.map((g) => ({
			id: g.id,
			name: nameIn(locale, g),
			municipalities: munis
				.filter((m) => m.governorateId === g.id)
				.map((m) => ({ id: m.id, code: m.code, name: nameIn(locale, m) }))
				.sort((a, b) => collator.compare(a.name, b.name))
		}))
		.sort((a, b) => collator.compare(a.name, b.name));
}
