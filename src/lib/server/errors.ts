/**
 * A rule was broken by the caller's input or state. `code` is stable and is turned into an HTTP
 * status and a sentence by one table (error-table.ts); `details` carry the numbers the sentence
 * needs (attempts allowed, seconds to wait).
 */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		readonly field?: string,
		readonly details: Record<string, number> = {}
	) {
		super(code);
		this.name = 'DomainError';
	}
}
