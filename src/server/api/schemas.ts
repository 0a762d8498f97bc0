import { Type, type Static } from 'typebox';

/** Every error answer has this shape; registered once (`ErrorSchema`) and referenced. */
export const ErrorSchema = Type.Object(
	{
		error: Type.String({ description: 'Stable code, e.g. NOT_FOUND' }),
		message: Type.String({ description: 'What went wrong, for a person' }),
		field: Type.Optional(
			Type.String({ description: 'The input field a refusal is about, when it is about one' })
		),
		requestId: Type.Optional(Type.String({ description: 'Quote it when reporting a 5xx' }))
	},
	// Open: a response schema drops unlisted keys, and an error must never lose its details.
	{ $id: 'Error', title: 'Error', additionalProperties: true }
);

/** A reference to the shared error schema, typed for handlers (`reply.code(404).send(…)`). */
export const ErrorBody = Type.Unsafe<Static<typeof ErrorSchema>>(Type.Ref('Error'));

export const LocaleParam = Type.Union([Type.Literal('ar'), Type.Literal('fr'), Type.Literal('en')]);
