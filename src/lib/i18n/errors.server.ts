import { fail } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { DomainError } from '$lib/server/errors';
import { describeCode, describeError, type Refusal } from '$lib/server/error-table';

// Pages read the one table (src/lib/server/error-table.ts) in the request's language.

/** The sentence for an error code, in the current locale. */
export function errorText(code: string): string {
	return describeCode(code, getLocale()).message;
}

/** Field errors (code per field) -> sentences per field. */
export function errorTexts(errors: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, errorText(v)]));
}

/** A caught domain error as the table describes it; anything else is rethrown (a 500 with an id). */
export function refusal(e: unknown): Refusal {
	if (!(e instanceof DomainError)) throw e;
	return describeError(e, getLocale());
}

/**
 * A form action's answer to a domain error: the table's status, its sentence as `message` and
 * under `errors[field]` (or `errors.form`), beside the values the form should show again.
 */
export function refuse<T extends Record<string, unknown>>(e: unknown, echo: T = {} as T) {
	const r = refusal(e);
	return fail(r.status, {
		...echo,
		message: r.message,
		errors: { [r.field ?? 'form']: r.message }
	});
}
