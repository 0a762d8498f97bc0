/** Reads one cookie from a Cookie header (for the JSON API; SvelteKit has its own cookies API). */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		if (part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}
