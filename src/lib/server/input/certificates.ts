// An admin's revocation: the reason is shown on the public verify page, so it is cleaned text.
import { Type } from 'typebox';
import { defineShape } from './check.ts';

const REASON_CODES = {
	required: 'revocation_reason_required',
	minLength: 'revocation_reason_required'
};

export const RevocationForm = defineShape({
	schema: Type.Object({
		code: Type.String({ minLength: 1, maxLength: 40 }),
		reason: Type.String({ minLength: 5, maxLength: 500 })
	}),
	text: ['reason'],
	codes: { reason: REASON_CODES }
});
