// Turns discovered targets and hostile payloads into requests: each payload into one slot (a form
// field, a query or route parameter, an API body field), plus malformed bodies per target.
import { ACTOR_NAMES, type ActorName } from './actors.ts';
import { pct, type Probe } from './http.ts';
import { OWN, PAYLOADS, seeded, type Payload } from './payloads.ts';
import { fillRoute } from './route-tree.ts';
import type { ApiTarget, FormTarget, PageTarget } from './targets.ts';
import type { World } from './world.ts';

type Target = FormTarget | ApiTarget | PageTarget;
type Slot = { target: Target; where: 'field' | 'query' | 'param' | 'body'; name: string };

const LOCALES = ['en', 'fr', 'ar'];
const MB = 1024 * 1024;
let serial = 0;

function plausible(name: string): string {
	if (/email/i.test(name)) return `fuzz.${++serial}@hostile.example.tn`;
	if (/password/i.test(name)) return 'a long enough passphrase';
	if (name === 'name') return 'Fuzz Tester';
	return '';
}

/** Who sends the n-th probe, and in which language: every actor and locale in turn. */
const actorOf = (n: number): ActorName => ACTOR_NAMES[n % ACTOR_NAMES.length]!;

function slotsOf(t: Target): Slot[] {
	if (t.kind === 'action')
		return [
			...t.fields.map((name) => ({ target: t, where: 'field' as const, name })),
			...t.query.map((name) => ({ target: t, where: 'query' as const, name }))
		];
	if (t.kind === 'page')
		return [
			...t.route.params.map((name) => ({ target: t, where: 'param' as const, name })),
			...t.query.map((name) => ({ target: t, where: 'query' as const, name }))
		];
	return [
		...t.pathParams.map((name) => ({ target: t, where: 'param' as const, name })),
		...t.queryParams.map((name) => ({ target: t, where: 'query' as const, name })),
		...(t.bodyFields ?? []).map((name) => ({ target: t, where: 'body' as const, name }))
	];
}

const textOf = (p: Payload): string => p.text ?? p.json ?? '';

export class Planner {
	private n = 0;
	constructor(private w: World) {}

	private next() {
		const i = this.n++;
		return { actor: actorOf(i), locale: LOCALES[i % LOCALES.length]! };
	}

	private pagePath(t: FormTarget | PageTarget, actor: ActorName, locale: string, over = {}) {
		return `/${locale}${fillRoute(t.route.id, { ...this.w.params(actor), ...over })}`.replace(
			/(.)\/$/,
			'$1'
		);
	}

	private apiPath(t: ApiTarget, actor: ActorName, over: Record<string, string> = {}) {
		const values = this.w.params(actor);
		return t.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
			if (name in over) return over[name]!;
			const v = name === 'id' ? values.attemptId : values[name];
			return pct(v ?? '1');
		});
	}

	private formHeaders(actor: ActorName, contentType: string | null): Record<string, string> {
		const cookie = this.w.cookie(actor);
		return {
			accept: 'text/html',
			origin: this.w.origin,
			...(contentType ? { 'content-type': contentType } : {}),
			...(cookie ? { cookie } : {})
		};
	}

	private apiHeaders(actor: ActorName, contentType: string | null): Record<string, string> {
		const cookie = this.w.cookie(actor);
		return {
			accept: 'application/json',
			origin: this.w.origin,
			...(contentType ? { 'content-type': contentType } : {}),
			...(cookie ? { cookie } : {})
		};
	}

	private actionUrl(t: FormTarget, actor: ActorName, locale: string, extraQuery = '') {
		const base = this.pagePath(t, actor, locale);
		const q = [t.action === 'default' ? '' : `/${t.action}`, extraQuery].filter(Boolean);
		return q.length ? `${base}?${q.join('&')}` : base;
	}

	private formValues(t: FormTarget, actor: ActorName): Record<string, string> {
		const defaults = t.defaults[actor] ?? Object.values(t.defaults)[0] ?? {};
		return Object.fromEntries(
			t.fields.map((f) => [f, defaults[f]?.length ? defaults[f] : plausible(f)])
		);
	}

	/** One payload in one slot. */
	payloadProbe(slot: Slot, p: Payload): Probe {
		const { actor, locale } = this.next();
		const t = slot.target;
		const variant = `${slot.where} ${slot.name} ← ${p.label}`;
		const raw = p.bytes ?? Buffer.from(textOf(p), 'utf8');
		if (t.kind === 'page') {
			const path =
				slot.where === 'param'
					? this.pagePath(t, actor, locale, { [slot.name]: textOf(p) })
					: `${this.pagePath(t, actor, locale)}?${slot.name}=${pct(raw)}`;
			const headers = this.formHeaders(actor, null);
			return { method: 'GET', path, headers, target: t.route.id, variant };
		}
		if (t.kind === 'action') {
			const values = this.formValues(t, actor);
			const query = slot.where === 'query' ? `${slot.name}=${pct(raw)}` : '';
			const path = this.actionUrl(t, actor, locale, query);
			const multipart = this.n % 4 === 0;
			const fields = Object.entries(values).map(([k, v]): [string, Buffer] => [
				k,
				slot.where === 'field' && k === slot.name ? raw : Buffer.from(v, 'utf8')
			]);
			const { body, type } = multipart ? multipartBody(fields) : urlencodedBody(fields, p.bytes);
			return {
				method: 'POST',
				path,
				headers: this.formHeaders(actor, type),
				body,
				target: `${t.route.id} ?/${t.action}`,
				variant: `${variant}${multipart ? ' (multipart)' : ''}`
			};
		}
		const target = `${t.method} ${t.template}`;
		if (slot.where === 'param')
			return {
				method: t.method,
				path: this.apiPath(t, actor, { [slot.name]: pct(raw) }),
				headers: this.apiHeaders(actor, t.bodyFields ? 'application/json' : null),
				body: t.bodyFields ? jsonBody(t.bodyFields, null, p) : undefined,
				target,
				variant
			};
		if (slot.where === 'query')
			return {
				method: t.method,
				path: `${this.apiPath(t, actor)}?${slot.name}=${pct(raw)}`,
				headers: this.apiHeaders(actor, t.bodyFields ? 'application/json' : null),
				body: t.bodyFields ? jsonBody(t.bodyFields, null, p) : undefined,
				target,
				variant
			};
		return {
			method: t.method,
			path: this.apiPath(t, actor),
			headers: this.apiHeaders(actor, 'application/json'),
			body: jsonBody(t.bodyFields ?? [], slot.name, p),
			target,
			variant
		};
	}

	/** Malformed requests to a form action: wrong types, truncated multipart, sizes. */
	formShapes(t: FormTarget, huge: boolean, actor?: ActorName): Probe[] {
		const out: Probe[] = [];
		const add = (
			variant: string,
			type: string | null,
			body: Buffer | undefined,
			method = 'POST'
		) => {
			const next = this.next();
			const who = actor ?? next.actor;
			out.push({
				method,
				path: this.actionUrl(t, who, next.locale),
				headers: this.formHeaders(who, type),
				body,
				target: `${t.route.id} ?/${t.action}`,
				variant
			});
		};
		const fields = t.fields.map((f): [string, Buffer] => [f, Buffer.from('x')]);
		const plain = Buffer.from(t.fields.map((f) => `${f}=x`).join('\n') || 'credential=x');
		add('text/plain body', 'text/plain', plain);
		add('no content type', null, plain);
		add(
			'JSON body',
			'application/json',
			Buffer.from(JSON.stringify({ [t.fields[0] ?? 'a']: 'x' }))
		);
		add('invalid JSON body', 'application/json', Buffer.from('{"a":'));
		const mp = multipartBody(fields);
		add('truncated multipart', mp.type, mp.body.subarray(0, Math.max(10, mp.body.length - 30)));
		add('multipart without boundary', 'multipart/form-data', mp.body);
		add('multipart, wrong boundary', 'multipart/form-data; boundary=nope', mp.body);
		add('multipart, header only', mp.type, Buffer.from(`--${mp.type.split('=')[1]}\r\n`));
		add('urlencoded as UTF-16', 'application/x-www-form-urlencoded; charset=utf-16', plain);
		add(
			'urlencoded, broken escapes',
			'application/x-www-form-urlencoded',
			Buffer.from('a=%&b=%zz&%=%%')
		);
		add(
			'10,000 repeated fields',
			'application/x-www-form-urlencoded',
			Buffer.from(
				Array(10_000)
					.fill(`${t.fields[0] ?? 'a'}=x`)
					.join('&')
			)
		);
		add(
			'1 MB field',
			'application/x-www-form-urlencoded',
			Buffer.from(`${t.fields[0] ?? 'a'}=${'a'.repeat(MB)}`)
		);
		add('PUT', 'application/x-www-form-urlencoded', Buffer.from('a=b'), 'PUT');
		add('DELETE', null, undefined, 'DELETE');
		if (huge) add('20 MB body', 'application/x-www-form-urlencoded', Buffer.alloc(20 * MB, 'a'));
		return out;
	}

	/** Malformed requests to an API operation. */
	apiShapes(t: ApiTarget, huge: boolean, actor?: ActorName): Probe[] {
		const out: Probe[] = [];
		const add = (variant: string, type: string | null, body: Buffer | undefined) => {
			const who = actor ?? this.next().actor;
			out.push({
				method: t.method,
				path: this.apiPath(t, who),
				headers: this.apiHeaders(who, type),
				body,
				target: `${t.method} ${t.template}`,
				variant
			});
		};
		const good = Buffer.from(
			JSON.stringify(Object.fromEntries((t.bodyFields ?? []).map((f) => [f, 'x'])))
		);
		add('invalid JSON', 'application/json', Buffer.from('{"response":'));
		add('JSON as text/plain', 'text/plain', good);
		add('urlencoded', 'application/x-www-form-urlencoded', Buffer.from('response=x'));
		add('multipart', 'multipart/form-data; boundary=b', Buffer.from('--b\r\n\r\nx\r\n--b--'));
		add('empty JSON body', 'application/json', Buffer.alloc(0));
		add('JSON array', 'application/json', Buffer.from('[1,2]'));
		add('JSON string', 'application/json', Buffer.from('"x"'));
		add('JSON null', 'application/json', Buffer.from('null'));
		add('5000-deep body', 'application/json', Buffer.from('['.repeat(5000) + ']'.repeat(5000)));
		add('latin-1 charset', 'application/json; charset=latin1', good);
		add('1 MB JSON', 'application/json', Buffer.from(JSON.stringify({ response: 'a'.repeat(MB) })));
		if (huge) add('20 MB JSON', 'application/json', Buffer.alloc(20 * MB, ' '));
		return out;
	}

	/** Path traversal, encoded NUL and long URLs, outside any route. */
	urlShapes(): Probe[] {
		const paths = [
			'/_app/../../package.json',
			'/_app/../../../../etc/passwd',
			'/_app/..%2f..%2fpackage.json',
			'/_app/immutable/..%2f..%2f..%2f..%2fetc%2fpasswd',
			'/%2e%2e/%2e%2e/etc/passwd',
			'/en/%2e%2e/%2e%2e/package.json',
			'/_app/%2e%2e/%2e%2e/db/data/tamkeen.db',
			'/_app/immutable/%00',
			'/_app/immutable/x%00.js',
			'/en/courses/%00',
			'/en/courses/a%00b',
			'/en/verify/%00',
			'/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
			'/en/verify/%ff%fe',
			'/en/%ED%A0%80',
			'/%',
			'/en/%zz',
			'/api/v1/%2e%2e/%2e%2e/healthz',
			'/api/v1/attempts/%00',
			'/api/v1/certificates/%ff',
			'/favicon.svg%00.js',
			'/robots.txt/..%2f..%2fpackage.json',
			'//evil.example/',
			'/\\evil.example',
			'/en/signin?next=%2F%09%2Fevil.example',
			'/en/signin?next=%2F%0A%2Fx',
			'/?%00=%00',
			`/en/courses/${'a'.repeat(4_000)}`,
			`/en/${'a/'.repeat(2_000)}`,
			`/en/courses?q=${'a'.repeat(12_000)}`,
			`/api/v1/certificates/${'A'.repeat(8_000)}`,
			`/en/verify/${'%ff'.repeat(3_000)}`,
			`/${'x'.repeat(100_000)}`
		];
		return paths.flatMap((path) =>
			(['anonymous', 'learnerA'] as ActorName[]).map((actor) => ({
				method: 'GET',
				path,
				headers: this.formHeaders(actor, null),
				target: 'URL',
				variant: path.slice(0, 60)
			}))
		);
	}

	/** Every slot of every target. */
	static slots(targets: Target[]): Slot[] {
		return targets.flatMap(slotsOf);
	}
}

function urlencodedBody(fields: [string, Buffer][], rawBytes?: Buffer) {
	// Invalid UTF-8 goes in raw, as a broken client would send it; everything else escaped.
	const parts = fields.map(([k, v]) =>
		Buffer.concat([Buffer.from(`${pct(k)}=`), rawBytes && v === rawBytes ? v : Buffer.from(pct(v))])
	);
	const body = Buffer.concat(parts.flatMap((p, i) => (i ? [Buffer.from('&'), p] : [p])));
	return { body, type: 'application/x-www-form-urlencoded' };
}

function multipartBody(fields: [string, Buffer][]) {
	const boundary = '----hostile' + String(++serial);
	const parts = fields.map(([k, v]) =>
		Buffer.concat([
			Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n`),
			v,
			Buffer.from('\r\n')
		])
	);
	return {
		body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
		type: `multipart/form-data; boundary=${boundary}`
	};
}

function jsonBody(fields: string[], fuzzed: string | null, p: Payload): Buffer {
	const chunks: Buffer[] = [];
	fields.forEach((f, i) => {
		const value =
			f !== fuzzed
				? Buffer.from('"x"')
				: p.json !== undefined
					? Buffer.from(p.json)
					: p.bytes
						? Buffer.concat([Buffer.from('"'), p.bytes, Buffer.from('"')])
						: Buffer.from(JSON.stringify(p.text));
		chunks.push(Buffer.from(`${i ? ',' : ''}${JSON.stringify(f)}:`), value);
	});
	return Buffer.concat([Buffer.from('{'), ...chunks, Buffer.from('}')]);
}

/** A batch of requests, built only when sent (the full run holds gigabytes of bodies). */
export type Job = () => Probe[];

/**
 * The requests of one run. `full`: every payload in every slot, every shape for every actor.
 * Otherwise a fixed sample of about `size`: every shape once, each of our own payloads in three
 * slots, and seeded picks from the rest.
 */
export function plan(
	w: World,
	targets: Target[],
	{ full, size = 2000 }: { full: boolean; size?: number }
): Job[] {
	const planner = new Planner(w);
	const forms = targets.filter((t): t is FormTarget => t.kind === 'action');
	const apis = targets.filter((t): t is ApiTarget => t.kind === 'api');
	const slots = Planner.slots(targets);
	if (full) {
		const jobs: Job[] = [];
		for (const actor of ACTOR_NAMES) {
			forms.forEach((t) => jobs.push(() => planner.formShapes(t, true, actor)));
			apis.forEach((t) => jobs.push(() => planner.apiShapes(t, true, actor)));
		}
		jobs.push(() => planner.urlShapes());
		for (const p of PAYLOADS) for (const s of slots) jobs.push(() => [planner.payloadProbe(s, p)]);
		return jobs;
	}
	const probes: Probe[] = [];
	forms.forEach((t, i) => probes.push(...planner.formShapes(t, i === 0)));
	apis.forEach((t, i) => probes.push(...planner.apiShapes(t, i === 0)));
	probes.push(...planner.urlShapes());
	OWN.forEach((p, i) => {
		for (let k = 0; k < 3; k++)
			probes.push(planner.payloadProbe(slots[(i * 3 + k) % slots.length]!, p));
	});
	const random = seeded(9);
	while (probes.length < size) {
		const s = slots[Math.floor(random() * slots.length)]!;
		const p = PAYLOADS[Math.floor(random() * PAYLOADS.length)]!;
		probes.push(planner.payloadProbe(s, p));
	}
	return probes.map((p) => () => [p]);
}
