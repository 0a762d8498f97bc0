import {
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { user } from './users.ts';

/** Tunisia's 24 governorates, keyed by ISO 3166-2 code (TN-11 …). */
export const governorate = sqliteTable('governorate', {
	id: text('id').primaryKey(),
	nameAr: text('name_ar').notNull(),
	nameFr: text('name_fr').notNull(),
	nameEn: text('name_en').notNull()
});
export type Governorate = typeof governorate.$inferSelect;

/**
 * Municipalities, seeded with the 24 governorate seats (codes TN-xx-01); admins add the others
 * one by one or by CSV (code, governorate, name_ar, name_fr, name_en), keyed by `code`.
 */
export const municipality = sqliteTable(
	'municipality',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull(),
		governorateId: text('governorate_id')
			.notNull()
			.references(() => governorate.id),
		nameAr: text('name_ar').notNull(),
		nameFr: text('name_fr').notNull(),
		nameEn: text('name_en').notNull(),
		/** The admin who added it (null for the seeded seats, or once that admin is erased). */
		addedBy: text('added_by').references((): AnySQLiteColumn => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('municipality_governorate_idx').on(t.governorateId),
		uniqueIndex('municipality_code_idx').on(t.code)
	]
);
export type Municipality = typeof municipality.$inferSelect;
