import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /fr/account and /ar/account are the same route: the locale is a URL prefix, not a folder.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
