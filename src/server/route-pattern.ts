import type { FastifyRequest } from 'fastify';

// SvelteKit's route id for requests its catch-all answered, noted by kit.ts.
const kitRoutes = new WeakMap<FastifyRequest, string>();

export function noteKitRoute(req: FastifyRequest, id: string | null): void {
	if (id) kitRoutes.set(req, id);
}

/**
 * The route a request matched, as a pattern (never the raw URL, whose ids and codes would make
 * one metric series per learner): SvelteKit's route id for pages (`/(learn)/courses/[slug]`),
 * Fastify's URL pattern for the API (`/api/v1/attempts/:id`), one name for built files, and
 * `unmatched` for everything that matched nothing.
 */
export function routePattern(req: FastifyRequest): string {
	const kit = kitRoutes.get(req);
	if (kit) return kit;
	const url = req.routeOptions.url;
	if (!url || url === '/' || url.endsWith('*')) return 'unmatched';
	if (url.startsWith('/_app/')) return '/_app/*';
	return url.includes('.') && !url.startsWith('/api/') && !url.startsWith('/.well-known/')
		? 'static'
		: url;
}
