// A large block of sanitised HTML (a lesson's body) that a page renders on the server only.
//
// SvelteKit serialises every page's load data into its HTML with devalue, even on `csr = false`
// pages, where nothing reads it: escaping a lesson's 15 kB body cost 7–9 % of the lesson page's
// CPU time (tests/bench/profile-inject.ts). Wrapped in this class, the transport hook
// (src/hooks.ts) serialises it as an empty marker instead of the text.

export class ServerHtml {
	constructor(readonly html: string) {}
}

/** The transport hook's encoder: a marker only; the text never leaves the server. */
export const encodeServerHtml = (value: unknown): false | [] => value instanceof ServerHtml && [];

/** Only a browser running the page would decode: a page showing ServerHtml must set csr = false. */
export function decodeServerHtml(): ServerHtml {
	throw new Error('ServerHtml is rendered on the server only: its page must keep csr = false');
}
