import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import type { OpenAPIV3 } from 'openapi-types';
import { ErrorBody, ErrorSchema } from './api/schemas.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What the OpenAPI document describes: the JSON API and the three machine endpoints. SvelteKit's
 * catch-all, the static files and the JSON 404 fallbacks are not operations (their `all`
 * methods are not even valid OpenAPI), so they stay out, including any added later.
 */
export function isDocumented(url: string): boolean {
	if (url === '/healthz' || url === '/metrics' || url === '/.well-known/jwks.json') return true;
	return url.startsWith('/api/v1/') && url !== '/api/v1/openapi.json' && !url.includes('*');
}

const methodsOf = (route: RouteOptions) =>
	Array.isArray(route.method) ? route.method : [route.method];

/**
 * The error answers that any documented operation can give whatever its handler does, all with
 * the one shared error schema: 400 when input is validated, 403 for a cross-site write with the
 * session cookie (api/same-origin.ts), 429 from the rate limit, 500 for the unexpected.
 */
function addCommonErrors(route: RouteOptions) {
	const schema = (route.schema ??= {});
	const response = (schema.response ??= {}) as Record<string, unknown>;
	const add = (status: number) => (response[status] ??= ErrorBody);
	if (schema.params || schema.querystring || schema.body || schema.headers) add(400);
	if (methodsOf(route).some((m) => UNSAFE_METHODS.has(m))) add(403);
	const config = route.config as { rateLimit?: unknown } | undefined;
	if (config?.rateLimit !== false) add(429);
	add(500);
}

// What each status means across the API, for responses whose schema gives no description.
const MEANING: Record<string, string> = {
	200: 'OK',
	204: 'Done; nothing to return',
	400: 'The input does not fit the schema, or the answer does not fit the question',
	401: 'Not signed in',
	403: 'Not allowed: role or ownership, or a cross-site write with the session cookie',
	404: 'Not found, or not yours',
	409: 'Not possible in the current state',
	429: 'Too many requests from this address; try again later',
	500: 'Unexpected error; quote the requestId'
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

function describeResponses(doc: OpenAPIV3.Document): OpenAPIV3.Document {
	for (const item of Object.values(doc.paths)) {
		for (const method of HTTP_METHODS) {
			const op = item?.[method];
			if (!op) continue;
			for (const [code, res] of Object.entries(op.responses)) {
				const r = res as OpenAPIV3.ResponseObject;
				if (r.description === 'Default Response') r.description = MEANING[code] ?? r.description;
			}
		}
	}
	return doc;
}

/** Registers the shared schemas and @fastify/swagger; routes registered after are described. */
export async function registerOpenApi(app: FastifyInstance, { origin }: { origin: string }) {
	app.addSchema(ErrorSchema);
	app.addHook('onRoute', (route) => {
		if (isDocumented(route.url)) addCommonErrors(route);
	});
	await app.register(swagger, {
		openapi: {
			openapi: '3.0.3',
			info: {
				title: 'Tamkeen API',
				version: '1',
				description:
					'JSON API of Tamkeen, the e-learning platform for local governments. Signed-in calls use the session cookie of the web site, and the report operations also accept a personal access token (Authorization: Bearer); writes that carry it must come from the site itself (Origin / Sec-Fetch-Site).'
			},
			servers: [{ url: origin }],
			components: {
				securitySchemes: {
					bearerToken: {
						type: 'http',
						scheme: 'bearer',
						description:
							'A personal access token, created and revoked on the account page (/account/tokens); scoped (reports:read) and expiring.'
					},
					sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tamkeen_session' }
				}
			},
			tags: [
				{ name: 'account', description: 'The signed-in user' },
				{ name: 'reference', description: 'Reference data' },
				{ name: 'courses', description: 'Published courses' },
				{ name: 'learning', description: 'Enrolments and progress' },
				{ name: 'quiz', description: 'Quiz attempts' },
				{ name: 'certificates', description: 'Certificate verification' },
				{ name: 'reports', description: 'Aggregate reports, small cells suppressed' },
				{ name: 'operations', description: 'Health and signing keys' }
			]
		},
		// Shared schemas (the error body) become components named by their $id.
		refResolver: {
			buildLocalReference: (json, _baseUri, _fragment, i) =>
				typeof json.$id === 'string' ? json.$id : `def-${i}`
		},
		transformObject: (d) =>
			describeResponses((d as { openapiObject: OpenAPIV3.Document }).openapiObject),
		transform: ({ schema, url }) => ({
			schema: isDocumented(url) ? schema : { ...schema, hide: true },
			url
		})
	});
}
