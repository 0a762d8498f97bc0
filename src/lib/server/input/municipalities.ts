// The admin's "add a municipality" form; the rules a row must meet are the domain's
// (accounts/municipalities.ts), shared with CSV rows.
import { Type } from 'typebox';
import { defineShape } from './check.ts';

export const MunicipalityForm = defineShape({
	schema: Type.Object({
		code: Type.String({ minLength: 1, maxLength: 32 }),
		governorate: Type.String({ minLength: 1, maxLength: 8 }),
		nameAr: Type.String({ minLength: 1, maxLength: 120 }),
		nameFr: Type.String({ minLength: 1, maxLength: 120 }),
		nameEn: Type.String({ minLength: 1, maxLength: 120 })
	}),
	text: ['code', 'nameAr', 'nameFr', 'nameEn']
});
