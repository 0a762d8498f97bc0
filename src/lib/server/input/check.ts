// Every input shape (forms and JSON API alike) is one TypeBox schema. This module turns a
// schema's verdict into what a form needs: one error code per field (translated by the edge)
// and the safe fields to echo back. Passwords are never trimmed, cleaned or echoed.
import type { Static, TObject } from 'typebox';
import { Value } from 'typebox/value';
import { cleanText } from '../text/clean.ts';

/** Field name -> error code; codes are translated into the user's language by the routes. */
export type FieldErrors = Record<string, string>;
export type Parsed<T> =
	{ ok: true; value: T } | { ok: false; errors: FieldErrors; echo: Record<string, string> };

/** A form's schema and how to read it. */
export type InputShape<S extends TObject> = {
	schema: S;
	/** Free text that other people read: cleaned with cleanText before checking. */
	text?: readonly string[];
	/** Never trimmed, never echoed. */
	secret?: readonly string[];
	/** Per field, the code for a failed keyword when it is not the default (see codeFor). */
	codes?: Record<string, Record<string, string>>;
};

/** What a form post offers: FormData, URLSearchParams or a Map in tests. */
export type FormSource = { get(name: string): unknown };

const DEFAULT_CODES: Record<string, string> = {
	required: 'required',
	minLength: 'required',
	maxLength: 'too_long'
};

function codeFor(shape: InputShape<TObject>, field: string, keyword: string): string {
	return shape.codes?.[field]?.[keyword] ?? DEFAULT_CODES[keyword] ?? 'invalid_choice';
}

/** The first failure of each top-level field, as error codes. */
export function fieldErrors(shape: InputShape<TObject>, data: unknown): FieldErrors {
	const errors: FieldErrors = {};
	for (const e of Value.Errors(shape.schema, data)) {
		const fields =
			e.keyword === 'required'
				? ((e.params as { requiredProperties?: string[] }).requiredProperties ?? [])
				: [e.instancePath.split('/')[1] ?? 'form'];
		for (const field of fields) errors[field] ??= codeFor(shape, field, e.keyword);
	}
	return errors;
}

/** Checks plain data (a JSON body, a CLI's answers) against a shape. */
export function parseData<S extends TObject>(
	shape: InputShape<S>,
	data: unknown
): { ok: true; value: Static<S> } | { ok: false; errors: FieldErrors } {
	// No Value.Convert: it truncates '1.5' to 1. Forms give strings; shapes say which strings.
	if (Value.Check(shape.schema, data)) return { ok: true, value: data };
	return { ok: false, errors: fieldErrors(shape, data) };
}

/** Reads a form's fields (trimmed, free text cleaned, empty ones absent) and checks them. */
export function parseForm<S extends TObject>(
	shape: InputShape<S>,
	form: FormSource
): Parsed<Static<S>> {
	const read: Record<string, string> = {};
	const echo: Record<string, string> = {};
	for (const name of Object.keys(shape.schema.properties)) {
		const raw = form.get(name);
		if (typeof raw !== 'string') continue;
		const secret = shape.secret?.includes(name) ?? false;
		const value = secret ? raw : shape.text?.includes(name) ? cleanText(raw) : raw.trim();
		if (!secret) echo[name] = value;
		if (value !== '') read[name] = value;
	}
	const parsed = parseData(shape, read);
	return parsed.ok ? parsed : { ...parsed, echo };
}

/** Declares a shape, keeping its schema's static type. */
export const defineShape = <S extends TObject>(shape: InputShape<S>): InputShape<S> => shape;
