import type { Reroute } from '@sveltejs/kit';
import { stripLocale } from '$lib/i18n/paths';

// /fr/account and /ar/account are the same route: the locale is a URL prefix, not a folder.
export const reroute: Reroute = ({ url }) => stripLocale(url.pathname);
