// The SvelteKit route tree read from src/routes, so hostile-input tests cover a route the day it
// is added, without anyone listing it. Actions and endpoint methods come from the TypeScript AST.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { pct } from './http.ts';

export type KitRoute = {
	/** SvelteKit's route id, e.g. `/(learn)/courses/[slug]`. */
	id: string;
	/** Has a +page.svelte (a page that answers GET with HTML). */
	page: boolean;
	/** Names of the form actions in +page.server.ts (`default` for the unnamed one). */
	actions: string[];
	/** HTTP methods exported by +server.ts. */
	methods: string[];
	/** Parameter names, in path order. */
	params: string[];
};

const ROUTES_DIR = path.resolve('src/routes');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

function exportedNames(file: string): Map<string, ts.Node> {
	const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const names = new Map<string, ts.Node>();
	for (const stmt of source.statements) {
		const exported = ts
			.getModifiers(stmt as ts.HasModifiers)
			?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
		if (!exported) continue;
		if (ts.isVariableStatement(stmt)) {
			for (const d of stmt.declarationList.declarations)
				if (ts.isIdentifier(d.name)) names.set(d.name.text, d.initializer ?? d);
		} else if (ts.isFunctionDeclaration(stmt) && stmt.name) names.set(stmt.name.text, stmt);
	}
	return names;
}

function actionNames(file: string): string[] {
	let init = exportedNames(file).get('actions');
	while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)))
		init = init.expression;
	if (!init) return [];
	if (!ts.isObjectLiteralExpression(init))
		throw new Error(`${file}: actions is not an object literal; the route scan cannot read it`);
	return init.properties.map((p) => {
		if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
			throw new Error(`${file}: an action without a plain name`);
		return p.name.text;
	});
}

function walk(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? [dir, ...walk(p)] : [dir];
	});
}

/** Every route folder of src/routes with a page or an endpoint. */
export function kitRoutes(): KitRoute[] {
	const dirs = [...new Set(walk(ROUTES_DIR))].sort();
	const routes: KitRoute[] = [];
	for (const dir of dirs) {
		const has = (f: string) => fs.existsSync(path.join(dir, f));
		const page = has('+page.svelte');
		const endpoint = has('+server.ts');
		if (!page && !endpoint) continue;
		const rel = path.relative(ROUTES_DIR, dir).split(path.sep).join('/');
		const id = '/' + rel;
		routes.push({
			id,
			page,
			actions: has('+page.server.ts') ? actionNames(path.join(dir, '+page.server.ts')) : [],
			methods: endpoint
				? [...exportedNames(path.join(dir, '+server.ts')).keys()].filter((n) => METHODS.includes(n))
				: [],
			params: [...id.matchAll(/\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/g)].map((m) => m[1]!)
		});
	}
	return routes;
}

/** Route ids in the built app's manifest (to prove the source scan misses nothing). */
export function manifestRouteIds(): string[] {
	const text = fs.readFileSync(path.resolve('build/kit/manifest.js'), 'utf8');
	return [...text.matchAll(/\bid: "([^"]+)"/g)].map((m) => m[1]!).sort();
}

/** A concrete path for a route id: groups dropped, each `[param]` filled by `values`. */
export function fillRoute(id: string, values: Record<string, string>): string {
	const filled = id
		.split('/')
		.filter((seg) => !/^\(.*\)$/.test(seg))
		.map((seg) =>
			seg.replace(/\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/g, (_, name: string) => {
				const v = values[name];
				if (v === undefined) throw new Error(`no value for [${name}] in ${id}`);
				return pct(v);
			})
		)
		.join('/');
	return filled === '' ? '/' : filled;
}
