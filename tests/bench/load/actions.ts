// What a simulated learner does, in realistic proportions, each request timed and checked.
import { responseFor } from '../quiz-load.ts';
import type { Learner } from './seed.ts';
import { learnerClient, type Reply, type Send } from './client.ts';

export type ActionName =
	'read lesson' | 'save answer' | 'my learning' | 'search' | 'submit' | 'start quiz';
export type Stats = {
	latencies: Map<ActionName, number[]>;
	errors: Map<ActionName, number>;
	firstErrors: string[];
	/** When each request started (ms, performance.now()), how long it took and what it was, as they finish. */
	timeline: [number, number, ActionName][];
};

/** Share of actions (the rest of a learner's time is reading): sums to 1. */
type Chosen = Exclude<ActionName, 'start quiz'>;
const MIX: [Chosen, number][] = [
	['read lesson', 0.5],
	['save answer', 0.25],
	['my learning', 0.1],
	['search', 0.1],
	['submit', 0.05]
];

export function pickAction(r: number): Chosen {
	let acc = 0;
	for (const [name, share] of MIX) {
		acc += share;
		if (r < acc) return name;
	}
	return 'read lesson';
}

type Question = Parameters<typeof responseFor>[0] & { id: string };
/** `submitted`: a learner who submitted reads lessons instead (the load model submits once). */
export type LearnerState = {
	attempt: { id: number; questions: Question[] } | null;
	n: number;
	submitted?: boolean;
};

const TERMS = [
	'budget',
	'participation',
	'الميزانية',
	'الشفافية',
	'gouvernance',
	'décentralisation'
];

/** The actions against `base`, recording into `stats`; lesson paths are read from the course page. */
export async function createActions(base: string, course: string, stats: Stats) {
	const page = await (await fetch(`${base}/fr/courses/${course}`)).text();
	const lessons = [
		...new Set(
			[...page.matchAll(new RegExp(`href="/fr(/courses/${course}/[\\w-]+/[\\w-]+)"`, 'g'))].map(
				(m) => m[1]!
			)
		)
	];
	if (lessons.length === 0) throw new Error('no lesson links on the course page');

	const timed = async (
		name: ActionName,
		send: () => Promise<Reply>,
		ok = (s: number) => s < 400
	) => {
		const t = performance.now();
		let res: Reply | null = null;
		let problem: string | null = null;
		try {
			res = await send();
			await res.arrayBuffer().catch(() => undefined);
			if (!ok(res.status)) problem = `${res.status} ${res.url}`;
		} catch (e) {
			problem = `network ${String(e)}`;
		}
		const took = performance.now() - t;
		const list = stats.latencies.get(name) ?? [];
		list.push(took);
		stats.timeline.push([t, took, name]);
		stats.latencies.set(name, list);
		if (problem) {
			stats.errors.set(name, (stats.errors.get(name) ?? 0) + 1);
			if (stats.firstErrors.length < 10) stats.firstErrors.push(`${name}: ${problem}`);
		}
		return problem ? null : res;
	};
	const clients = new Map<number, Send>();
	/** The learner's own connection (created at their first action). */
	const via = (l: Learner): Send => {
		let send = clients.get(l.i);
		if (!send) clients.set(l.i, (send = learnerClient()));
		return send;
	};
	const html = (l: Learner) => ({
		cookie: l.cookie,
		accept: 'text/html',
		'accept-encoding': 'br, gzip'
	});

	const startQuiz = async (l: Learner, s: LearnerState) => {
		const start = await timed('start quiz', () =>
			via(l)(`${base}/${l.locale}/courses/${course}/quiz/foundations?/start`, {
				method: 'POST',
				headers: { ...html(l), origin: base, 'content-type': 'application/x-www-form-urlencoded' },
				body: ''
			})
		);
		const id = Number(start?.headers.get('location')?.split('/').pop());
		if (!id) return;
		const view = await via(l)(`${base}/api/v1/attempts/${id}`, { headers: { cookie: l.cookie } });
		const body = (await view.json()) as { questions: Question[] };
		s.attempt = { id, questions: body.questions.filter((q) => q.type !== 'description') };
	};

	const readLesson = (l: Learner, s: LearnerState) =>
		timed('read lesson', () =>
			via(l)(`${base}/${l.locale}${lessons[s.n++ % lessons.length]!}`, { headers: html(l) })
		);

	return {
		'read lesson': readLesson,
		'my learning': (l: Learner) =>
			timed('my learning', () => via(l)(`${base}/${l.locale}/learn`, { headers: html(l) })),
		search: (l: Learner, s: LearnerState) =>
			timed('search', () =>
				via(l)(
					`${base}/${l.locale}/courses?q=${encodeURIComponent(TERMS[s.n++ % TERMS.length]!)}`,
					{
						headers: html(l)
					}
				)
			),
		'save answer': async (l: Learner, s: LearnerState) => {
			if (s.submitted) return readLesson(l, s);
			if (!s.attempt) await startQuiz(l, s);
			const a = s.attempt;
			if (!a || a.questions.length === 0) return;
			const q = a.questions[s.n++ % a.questions.length]!;
			const response = responseFor(q, s.n);
			return timed('save answer', () =>
				via(l)(`${base}/api/v1/attempts/${a.id}/answers/${encodeURIComponent(q.id)}`, {
					method: 'POST',
					headers: { cookie: l.cookie, 'content-type': 'application/json' },
					body: JSON.stringify({ response })
				})
			);
		},
		submit: async (l: Learner, s: LearnerState) => {
			if (s.submitted) return readLesson(l, s);
			if (!s.attempt) await startQuiz(l, s);
			const a = s.attempt;
			if (!a) return;
			s.attempt = null;
			s.submitted = true;
			return timed('submit', () =>
				via(l)(`${base}/api/v1/attempts/${a.id}/submit`, {
					method: 'POST',
					headers: { cookie: l.cookie, 'content-type': 'application/json' },
					body: '{}'
				})
			);
		}
	} satisfies Record<
		Exclude<ActionName, 'start quiz'>,
		(l: Learner, s: LearnerState) => Promise<unknown>
	>;
}
