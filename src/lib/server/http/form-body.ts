import { error } from '@sveltejs/kit';

/** The `error()` message code that the error page shows as "the form could not be read". */
export const FORM_UNREADABLE = 'form_unreadable';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Makes `request.formData()` answer a body it cannot parse (a `text/plain` post, a truncated
 * multipart body) with 415 or 400 instead of the TypeError that SvelteKit turns into a 500.
 * Installed once in the `handle` hook, so every action and endpoint gets it.
 */
export function guardFormData(request: Request): void {
	const parse = request.formData.bind(request);
	request.formData = async () => {
		const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase();
		if (!type || !FORM_TYPES.includes(type)) error(415, { message: FORM_UNREADABLE });
		try {
			return await parse();
		} catch {
			error(400, { message: FORM_UNREADABLE });
		}
	};
}
