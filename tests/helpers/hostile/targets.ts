// What to fuzz, discovered: form actions and their fields from the route tree and the forms the
// pages render; API operations and their inputs from the OpenAPI document.
import fs from 'node:fs';
import path from 'node:path';
import { fillRoute, kitRoutes, type KitRoute } from './route-tree.ts';
import { send } from './http.ts';
import { ACTOR_NAMES, type ActorName } from './actors.ts';
import type { World } from './world.ts';

export type FormTarget = {
	kind: 'action';
	route: KitRoute;
	action: string;
	/** Field names seen in the rendered forms or read by the route's code. */
	fields: string[];
	/** Hidden and default values per actor, from the form that actor was shown. */
	defaults: Partial<Record<ActorName, Record<string, string>>>;
	/** Query parameters the route reads (`url.searchParams.get`). */
	query: string[];
};

export type ApiTarget = {
	kind: 'api';
	method: string;
	/** OpenAPI path template, e.g. `/api/v1/attempts/{id}`. */
	template: string;
	pathParams: string[];
	queryParams: string[];
	bodyFields: string[] | null;
	/** A body that passes the schema's types, so guards are judged rather than validation. */
	validBody: Record<string, unknown> | null;
};

export type PageTarget = { kind: 'page'; route: KitRoute; query: string[] };

const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

type Form = { action: string; values: Record<string, string> };

/** The POST forms of a page: which action each submits to and its named controls' values. */
export function formsIn(html: string): Form[] {
	const forms: Form[] = [];
	for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const attrs = m[1]!;
		if (!/method="post"/i.test(attrs)) continue;
		const action = /action="[^"]*\?\/([\w-]+)/.exec(decode(attrs))?.[1] ?? 'default';
		const values: Record<string, string> = {};
		for (const c of m[2]!.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
			const name = /\bname="([^"]+)"/.exec(c[2]!)?.[1];
			if (!name) continue;
			const type = /\btype="([^"]+)"/.exec(c[2]!)?.[1];
			const value = /\bvalue="([^"]*)"/.exec(c[2]!)?.[1] ?? '';
			if ((type === 'radio' || type === 'checkbox') && !/\bchecked\b/.test(c[2]!)) {
				values[decode(name)] ??= decode(value);
				continue;
			}
			values[decode(name)] = decode(value);
		}
		forms.push({ action, values });
	}
	return forms;
}

function routeSource(route: KitRoute): string {
	const dir = path.join('src/routes', route.id);
	return ['+page.server.ts', '+server.ts', '+page.svelte']
		.map((f) => path.join(dir, f))
		.filter((f) => fs.existsSync(f))
		.map((f) => fs.readFileSync(f, 'utf8'))
		.join('\n');
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** Query parameter names a route's code reads. */
function queryNames(route: KitRoute): string[] {
	return uniq(
		[...routeSource(route).matchAll(/searchParams\.get\(['"]([^'"]+)['"]\)/g)].map((m) => m[1]!)
	);
}

/** Every page and form action of the route tree, with fields seen by each actor. */
export async function discoverKit(
	w: World
): Promise<{ pages: PageTarget[]; actions: FormTarget[] }> {
	const routes = kitRoutes();
	const pages: PageTarget[] = routes
		.filter((r) => r.page || r.methods.includes('GET'))
		.map((route) => ({ kind: 'page', route, query: queryNames(route) }));
	const actions: FormTarget[] = [];
	for (const route of routes.filter((r) => r.actions.length > 0)) {
		const code = routeSource(route);
		const fromCode = [...code.matchAll(/\.get\(['"]([\w-]+)['"]\)/g)].map((m) => m[1]!);
		const seen = new Map<string, FormTarget>();
		for (const action of route.actions)
			seen.set(action, {
				kind: 'action',
				route,
				action,
				fields: [],
				defaults: {},
				query: queryNames(route)
			});
		for (const actor of ACTOR_NAMES) {
			const url = `/en${fillRoute(route.id, w.params(actor))}`.replace(/\/$/, '');
			const page = await send(w.origin, {
				method: 'GET',
				path: url,
				headers: { accept: 'text/html', cookie: w.cookie(actor) },
				target: route.id,
				variant: 'discover'
			});
			for (const form of formsIn(page.body)) {
				const t = seen.get(form.action);
				if (!t) continue;
				t.fields = uniq([...t.fields, ...Object.keys(form.values)]);
				const victimRef = Object.values(form.values).some((v) => w.victimIds.includes(v));
				if (!t.defaults[actor] && !victimRef) t.defaults[actor] = form.values;
			}
		}
		for (const t of seen.values()) {
			if (t.fields.length === 0) t.fields = uniq(fromCode);
			actions.push(t);
		}
	}
	return { pages, actions };
}

type OpenApi = {
	paths: Record<
		string,
		Record<
			string,
			{
				parameters?: { name: string; in: string }[];
				requestBody?: {
					content?: Record<
						string,
						{ schema?: { properties?: Record<string, { type?: string; minimum?: number }> } }
					>;
				};
			}
		>
	>;
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

/** Every operation of the OpenAPI document the server publishes. */
export async function discoverApi(w: World): Promise<ApiTarget[]> {
	const res = await send(w.origin, {
		method: 'GET',
		path: '/api/v1/openapi.json',
		target: 'openapi',
		variant: 'discover'
	});
	const doc = JSON.parse(res.body) as OpenApi;
	const ops: ApiTarget[] = [];
	for (const [template, item] of Object.entries(doc.paths)) {
		// The page catch-alls (`/`, `/{*}`, `/api/{*}`) are not API operations; issue 10 §5
		// removes them from the document. Pages are found in the route tree instead.
		if (template.includes('*') || !/^\/(api\/|healthz|\.well-known\/)/.test(template)) continue;
		for (const [method, op] of Object.entries(item)) {
			if (!HTTP_METHODS.includes(method)) continue;
			const params = op.parameters ?? [];
			const body = op.requestBody?.content?.['application/json']?.schema;
			ops.push({
				kind: 'api',
				method: method.toUpperCase(),
				template,
				pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
				queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
				bodyFields: op.requestBody ? Object.keys(body?.properties ?? {}) : null,
				validBody: op.requestBody
					? Object.fromEntries(
							Object.entries(body?.properties ?? {}).map(([k, v]) => [
								k,
								v.type === 'integer' || v.type === 'number' ? (v.minimum ?? 0) : 'x'
							])
						)
					: null
			});
		}
	}
	return ops;
}
