// A learner's answer to one question, as the API receives it and as a form becomes. Its shape is
// bounded here, before anything walks it: scalars, a flat list of strings or a flat map of
// strings (ResponseByType), so 5,000 nested arrays are refused without recursion.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { defineShape } from './check.ts';

/** Longest text in one answer, in characters: an essay of a few thousand words fits. */
export const MAX_RESPONSE_TEXT = 50_000;
const MAX_PARTS = 200;
const Part = { type: 'string', maxLength: 1_000 } as const;

// One schema with a list of types, not a union: Fastify's validator coerces inside union
// branches (null became "", [["a"]] became ["a"]). With every JSON type listed, nothing at the
// top is coerced; null passes the wire and is refused by isQuizResponse like any bad shape.
export const QuizResponse = Type.Unsafe<
	string | number | boolean | string[] | Record<string, string> | null
>({
	type: ['string', 'number', 'boolean', 'array', 'object', 'null'],
	maxLength: MAX_RESPONSE_TEXT,
	items: Part,
	maxItems: MAX_PARTS,
	additionalProperties: Part,
	maxProperties: MAX_PARTS
});
export type QuizResponse = Static<typeof QuizResponse>;

export const AnswerBody = Type.Object({ response: QuizResponse });

/** True when `value` has a response's shape and size (its fit to the question is checked apart). */
export function isQuizResponse(value: unknown): value is NonNullable<QuizResponse> {
	return value !== null && Value.Check(QuizResponse, value);
}

/**
 * A trainer's mark for one essay. Rubric points arrive as `r:<criterion id>` fields, read for the
 * question's own criteria only (see the grading page), so they are not part of this shape.
 */
export const GradeForm = defineShape({
	schema: Type.Object({
		questionId: Type.String({ minLength: 1, maxLength: 200 }),
		score: Type.Optional(Type.String({ maxLength: 20 })),
		feedback: Type.Optional(Type.String({ maxLength: 5_000 }))
	})
});
