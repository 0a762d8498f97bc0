// Enrolling in a course: the key is optional here; the course decides whether it needs one.
import { Type } from 'typebox';
import { defineShape } from './check.ts';

export const EnrolmentForm = defineShape({
	schema: Type.Object({ key: Type.Optional(Type.String({ maxLength: 200 })) }),
	codes: { key: { maxLength: 'enrolment_key_wrong' } }
});
