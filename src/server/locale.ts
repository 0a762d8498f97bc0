import type { FastifyRequest } from 'fastify';
import { readCookie } from '../lib/server/auth/cookie.ts';
import { LOCALES, type Locale } from '../lib/server/text/localised.ts';
// The pages' own cookie: the language the visitor last read a page in (hooks.server.ts sets it).
import { cookieName as LOCALE_COOKIE } from '../lib/paraglide/runtime.js';

const isLocale = (v: string | undefined): v is Locale => LOCALES.includes(v as Locale);

/**
 * The language of an API answer, picked as the pages pick it: the page's language (its cookie),
 * else the best of the client's Accept-Language, else Arabic. The autosave of an Arabic page
 * thus reads Arabic even in a French browser, and a plain HTTP client can ask for French.
 */
export function apiLocale(req: FastifyRequest): Locale {
	const cookie = readCookie(req.headers.cookie, LOCALE_COOKIE);
	if (isLocale(cookie)) return cookie;
	const ranked = (req.headers['accept-language'] ?? '')
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = Number(
				params
					.find((p) => p.trim().startsWith('q='))
					?.trim()
					.slice(2) ?? 1
			);
			return { lang: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0 };
		})
		.filter((x) => x.q > 0)
		.sort((a, b) => b.q - a.q);
	return ranked.map((x) => x.lang).find(isLocale) ?? 'ar';
}
