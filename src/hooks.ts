import type { Reroute, Transport } from '@sveltejs/kit';
import { stripLocale } from '$lib/i18n/paths';
import { decodeServerHtml, encodeServerHtml } from '$lib/html/server-html';

// /fr/account and /ar/account are the same route: the locale is a URL prefix, not a folder.
export const reroute: Reroute = ({ url }) => stripLocale(url.pathname);

export const transport: Transport = {
	ServerHtml: { encode: encodeServerHtml, decode: decodeServerHtml }
};
