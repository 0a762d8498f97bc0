/** A rule was broken by the caller's input or state; `code` is stable and translated by the edge. */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		readonly field?: string
	) {
		super(code);
		this.name = 'DomainError';
	}
}
