// Hostile input against every form action, page and API operation the server has, found in the
// route tree and the OpenAPI document. `npm test` sends a fixed sample; FUZZ=full sends it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, sendAll, type Answer, type Probe } from '../../helpers/hostile/http.ts';
import { plan } from '../../helpers/hostile/probes.ts';
import { kitRoutes, manifestRouteIds } from '../../helpers/hostile/route-tree.ts';
import { discoverApi, discoverKit } from '../../helpers/hostile/targets.ts';
import { startWorld, type World } from '../../helpers/hostile/world.ts';

const FULL = process.env.FUZZ === 'full';

let w: World;
beforeAll(async () => (w = await startWorld()));
afterAll(() => w.close());

type Finding = { target: string; variant: string; method: string; path: string; status: number };

/** Connection closed without an answer is expected only where the body is over the limit. */
const closedIsFine = (p: Probe) => p.variant.includes('20 MB');

function summary(sent: number, findings: Finding[]): string {
	const byRoute = new Map<string, number>();
	for (const f of findings) byRoute.set(f.target, (byRoute.get(f.target) ?? 0) + 1);
	const lines = [...byRoute].map(([t, n]) => `  ${n} × ${t}`);
	return [
		`hostile input: ${sent} requests, ${findings.length} answered ≥ 500 or no answer`,
		...lines
	].join('\n');
}

describe('hostile input', () => {
	it('reads the same routes from src/routes as the built app’s manifest', () => {
		expect(
			kitRoutes()
				.map((r) => r.id)
				.sort()
		).toEqual(manifestRouteIds());
	});

	it(
		`answers ${FULL ? 'the whole list' : 'a fixed sample'} of hostile requests without a 5xx and stays sound`,
		async () => {
			const victimBefore = w.victimSnapshot();
			const { pages, actions } = await discoverKit(w);
			const apis = await discoverApi(w);
			const targets = [...actions, ...pages, ...apis];
			const jobs = plan(w, targets, { full: FULL });
			const findings: Finding[] = [];
			const covered = new Set<string>();
			let sent = 0;
			await sendAll(w.origin, jobs, (p: Probe, a: Answer) => {
				sent++;
				covered.add(p.target);
				if (process.env.FUZZ_DEBUG && (a.ms ?? 0) > 300)
					console.log(a.ms, a.status, p.method, p.path.slice(0, 80), p.variant.slice(0, 80));
				if (a.status >= 500 || (a.status === 0 && !closedIsFine(p)))
					findings.push({
						target: p.target,
						variant: p.variant,
						method: p.method,
						path: p.path.slice(0, 200),
						status: a.status
					});
			});
			console.log(summary(sent, findings));
			const health = await send(w.origin, {
				method: 'GET',
				path: '/healthz',
				target: 'health',
				variant: 'after'
			});

			// Every action and API operation was fuzzed, so a new one cannot be missed silently.
			expect.soft(actions.length).toBeGreaterThan(0);
			expect.soft(apis.length).toBeGreaterThan(0);
			for (const t of actions) expect.soft(covered).toContain(`${t.route.id} ?/${t.action}`);
			for (const t of apis) expect.soft(covered).toContain(`${t.method} ${t.template}`);
			expect.soft(findings.slice(0, 50)).toEqual([]);
			expect.soft(health.status).toBe(200);
			expect.soft(w.dbProblems()).toEqual([]);
			expect.soft(w.victimSnapshot()).toBe(victimBefore);
		},
		// Under 60 s on an idle 2-core machine; the margin is for a machine shared with other work.
		FULL ? 6 * 3_600_000 : 600_000
	);
});
