// Every page route and API operation × every actor, with ownership probes: the owner's attempt
// and certificate asked for by everyone else. Routes come from src/routes and the OpenAPI
// document; a route without a rule in access-rules.ts fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, ACTOR_NAMES } from '../../helpers/hostile/actors.ts';
import {
	API_RULES,
	PAGE_RULES,
	missingRules,
	verdictOf,
	type Rule
} from '../../helpers/hostile/access-rules.ts';
import { pct, send } from '../../helpers/hostile/http.ts';
import { fillRoute, kitRoutes } from '../../helpers/hostile/route-tree.ts';
import { discoverApi } from '../../helpers/hostile/targets.ts';
import { startWorld, type World } from '../../helpers/hostile/world.ts';

let w: World;
beforeAll(async () => (w = await startWorld()));
afterAll(() => w.close());

const pages = kitRoutes().filter((r) => r.page || r.methods.includes('GET'));

const label = (rule: Rule | undefined) => (rule?.pending ? ` [PENDING: ${rule.pending}]` : '');

describe('access matrix: the rule table', () => {
	it('has a rule for every page route', () => {
		expect(
			missingRules(
				pages.map((r) => r.id),
				PAGE_RULES
			)
		).toEqual([]);
	});

	it('has a rule for every API operation of the OpenAPI document', async () => {
		const ops = (await discoverApi(w)).map((o) => `${o.method} ${o.template}`);
		expect(missingRules(ops, API_RULES)).toEqual([]);
	});

	it('fails a route that has no rule', () => {
		const ids = [...pages.map((r) => r.id), '/(learn)/new-route-nobody-ruled'];
		expect(missingRules(ids, PAGE_RULES)).toEqual(['/(learn)/new-route-nobody-ruled']);
		expect(missingRules(['DELETE /api/v1/everything'], API_RULES)).toEqual([
			'DELETE /api/v1/everything'
		]);
	});
});

describe.each(pages.map((r) => r.id))('access matrix: page %s', (id) => {
	const rule = PAGE_RULES[id];
	it.each(ACTOR_NAMES)(`%s gets what the rule says${label(rule)}`, async (actor) => {
		expect(rule, `no access rule for ${id}`).toBeDefined();
		const params = { ...w.params(w.owner), ...rule!.params?.(w) };
		const query = rule?.query ? `?${rule.query(w)}` : '';
		const path = `/en${fillRoute(id, params)}`.replace(/(.)\/$/, '$1') + query;
		const cookie = w.cookie(actor);
		const a = await send(w.origin, {
			method: 'GET',
			path,
			headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
			target: id,
			variant: actor
		});
		expect(verdictOf(a.status, a.location), `GET ${path} answered ${a.status}`).toBe(
			rule!.expect(ACTORS[actor])
		);
	});
});

describe('access matrix: API', () => {
	it.each(ACTOR_NAMES)('%s gets what the rules say on every operation', async (actor) => {
		const params = w.params(w.owner);
		const values: Record<string, string> = { ...params, id: params.attemptId! };
		for (const op of await discoverApi(w)) {
			const key = `${op.method} ${op.template}`;
			const rule = API_RULES[key];
			expect.soft(rule, `no access rule for ${key}`).toBeDefined();
			if (!rule) continue;
			const query = rule.query ? `?${rule.query(w)}` : '';
			const path =
				op.template.replace(/\{([^}]+)\}/g, (_, n: string) => pct(values[n] ?? '1')) + query;
			const cookie = w.cookie(actor);
			const body = op.validBody ? Buffer.from(JSON.stringify(op.validBody)) : undefined;
			const a = await send(w.origin, {
				method: op.method,
				path,
				headers: {
					accept: 'application/json',
					origin: w.origin,
					...(body ? { 'content-type': 'application/json' } : {}),
					...(cookie ? { cookie } : {})
				},
				body,
				target: key,
				variant: actor
			});
			expect
				.soft(verdictOf(a.status, a.location), `${key} (${path}) answered ${a.status}`)
				.toBe(rule.expect(ACTORS[actor]));
		}
	});
});
