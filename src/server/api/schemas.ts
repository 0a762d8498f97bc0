import { Type } from 'typebox';

/** Every API error has this shape. */
export const ErrorBody = Type.Object({
	error: Type.String(),
	message: Type.String(),
	/** The form field a refusal is about, when it is about one. */
	field: Type.Optional(Type.String()),
	requestId: Type.Optional(Type.String())
});

export const LocaleParam = Type.Union([Type.Literal('ar'), Type.Literal('fr'), Type.Literal('en')]);
