import type { FastifyRequest } from 'fastify';
import { readCookie } from '../../lib/server/auth/cookie.ts';
import { SESSION_COOKIE } from '../../lib/server/auth/session.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// What an HTML form on any site can post without a CORS preflight (SvelteKit's list).
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * True for a state-changing call that carries the session cookie but comes from another site,
 * which SameSite=Lax alone does not stop for sibling subdomains and older browsers (issue 9
 * #13). As SvelteKit does for forms: a `Sec-Fetch-Site` other than same-origin, or an `Origin`
 * that is not ours, is refused; with neither header, a form-encoded body is refused (an old
 * browser's cross-site form post), while a JSON call cannot come from another site without a
 * CORS preflight we never grant. Calls without the session cookie carry no authority to borrow.
 */
export function isCrossSiteWrite(req: FastifyRequest, publicOrigin: string): boolean {
	if (!UNSAFE_METHODS.has(req.method)) return false;
	if (readCookie(req.headers.cookie, SESSION_COOKIE) === undefined) return false;
	const site = req.headers['sec-fetch-site'];
	if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
	const origin = req.headers.origin;
	if (origin !== undefined) return origin !== publicOrigin && origin !== requestOrigin(req);
	const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type);
}

/** The origin the request was addressed to, as kit.ts hands it to SvelteKit; null if malformed. */
function requestOrigin(req: FastifyRequest): string | null {
	try {
		return new URL(`${req.protocol}://${req.host}`).origin;
	} catch {
		return null;
	}
}
