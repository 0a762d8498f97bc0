// A cohort's form (create and edit) and a join code's: one shape each for pages, CLI and API.
import { Type } from 'typebox';
import { defineShape } from './check.ts';

const DAY = { pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 };
const DATE_CODES = { pattern: 'invalid_date', maxLength: 'invalid_date' };

export const CohortForm = defineShape({
	schema: Type.Object({
		name: Type.String({ minLength: 1, maxLength: 120 }),
		governorateId: Type.Optional(Type.String({ maxLength: 10 })),
		municipalityId: Type.Optional(Type.String({ pattern: '^\\d{1,9}$' })),
		startsOn: Type.Optional(Type.String(DAY)),
		endsOn: Type.Optional(Type.String(DAY))
	}),
	text: ['name'],
	codes: { startsOn: DATE_CODES, endsOn: DATE_CODES }
});

export const InviteForm = defineShape({
	schema: Type.Object({
		days: Type.String({ pattern: '^(?:[1-9]|[1-8]\\d|90)$' }),
		capacity: Type.Optional(Type.String({ pattern: '^[1-9]\\d{0,4}$' }))
	}),
	codes: { days: { pattern: 'invalid_days' }, capacity: { pattern: 'invalid_capacity' } }
});

export const AnnouncementForm = defineShape({
	schema: Type.Object({ body: Type.String({ minLength: 1, maxLength: 2000 }) }),
	text: ['body']
});
