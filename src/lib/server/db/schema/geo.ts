import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

/** Tunisia's 24 governorates, keyed by ISO 3166-2 code (TN-11 …). */
export const governorate = sqliteTable('governorate', {
	id: text('id').primaryKey(),
	nameAr: text('name_ar').notNull(),
	nameFr: text('name_fr').notNull(),
	nameEn: text('name_en').notNull()
});
export type Governorate = typeof governorate.$inferSelect;

export const municipality = sqliteTable(
	'municipality',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		governorateId: text('governorate_id')
			.notNull()
			.references(() => governorate.id),
		nameAr: text('name_ar').notNull(),
		nameFr: text('name_fr').notNull(),
		nameEn: text('name_en').notNull()
	},
	(t) => [index('municipality_governorate_idx').on(t.governorateId)]
);
export type Municipality = typeof municipality.$inferSelect;
