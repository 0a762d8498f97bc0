// The lesson editor's autosave: a debounced PUT of the form's fields to the page's `draft`
// endpoint, carrying the hash the text was based on. One request at a time; what changed while
// one travelled is sent after it. Network trouble is retried with backoff, and the text stays
// in the page (and the plain form still posts it). A 409 means someone else saved meanwhile:
// autosave stops, so only the person, having seen their version, decides to save over it.
import { retryDelay } from '$lib/quiz/autosave/outbox';

export type LessonFields = { title: string; minutes: string; body: string };
export type AutosaveState =
	| { kind: 'idle' }
	| { kind: 'pending' }
	| { kind: 'saving' }
	| { kind: 'saved'; at: Date }
	| { kind: 'retrying' }
	| { kind: 'refused'; message: string }
	| { kind: 'conflict'; theirs: { hash: string; fields: LessonFields | null } };

const DEBOUNCE_MS = 1500;
const TIMEOUT_MS = 10_000;

export class Autosave {
	#timer: ReturnType<typeof setTimeout> | undefined;
	#failures = 0;
	#sending = false;
	#stopped = false;
	state: AutosaveState = { kind: 'idle' };

	constructor(
		private readonly url: string,
		private readonly read: () => LessonFields,
		/** The file's hash as this page last saw it (read by the form's hidden field too). */
		public hash: string,
		private readonly show: (state: AutosaveState, hash: string) => void
	) {}

	#set(state: AutosaveState) {
		this.state = state;
		this.show(state, this.hash);
	}

	/** A field changed: save soon. */
	changed() {
		if (this.#stopped || this.state.kind === 'conflict') return;
		this.#set({ kind: 'pending' });
		this.#schedule(DEBOUNCE_MS);
	}

	/** Unsaved work the page would lose if it closed now. */
	get unsaved(): boolean {
		return ['pending', 'saving', 'retrying', 'refused', 'conflict'].includes(this.state.kind);
	}

	/** A request is travelling now. */
	get sending(): boolean {
		return this.#sending;
	}

	/** Resolves once no request is travelling (a form post must not race one). */
	async settled(): Promise<void> {
		while (this.#sending) await new Promise((r) => setTimeout(r, 50));
	}

	/** The form is being posted: it carries the text itself, so autosave stands down. */
	stop() {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#stopped = true;
	}

	/** The connection came back: try now rather than at the end of the backoff. */
	retryNow() {
		if (this.state.kind === 'retrying') this.#schedule(0);
	}

	#schedule(delay: number) {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#send(), delay);
	}

	async #send(): Promise<void> {
		this.#timer = undefined;
		if (this.#sending) return; // what changed meanwhile is sent when it returns
		this.#sending = true;
		this.#set({ kind: 'saving' });
		const fields = this.read();
		const outcome = await put(this.url, { hash: this.hash, ...fields });
		this.#sending = false;
		if (this.#stopped) {
			// The form waits for this answer: it must carry the hash the save produced.
			if (outcome.kind === 'saved') {
				this.hash = outcome.hash;
				this.show(this.state, this.hash);
			}
			return;
		}
		switch (outcome.kind) {
			case 'saved':
				this.#failures = 0;
				this.hash = outcome.hash;
				if (!same(fields, this.read())) return this.#send();
				this.#set({ kind: 'saved', at: new Date() });
				return;
			case 'conflict':
				this.#set({ kind: 'conflict', theirs: outcome.theirs });
				return;
			case 'refused':
				this.#set({ kind: 'refused', message: outcome.message });
				return;
			case 'retry':
				this.#set({ kind: 'retrying' });
				this.#schedule(retryDelay(this.#failures++));
		}
	}
}

const same = (a: LessonFields, b: LessonFields) =>
	a.title === b.title && a.minutes === b.minutes && a.body === b.body;

type Outcome =
	| { kind: 'saved'; hash: string }
	| { kind: 'conflict'; theirs: { hash: string; fields: LessonFields | null } }
	| { kind: 'refused'; message: string }
	| { kind: 'retry' };

/** One PUT; never throws. A redirect (the session ended) is retried, as the network is. */
async function put(url: string, body: LessonFields & { hash: string }): Promise<Outcome> {
	try {
		const res = await fetch(url, {
			method: 'PUT',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body),
			redirect: 'manual',
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		if (res.ok) return { kind: 'saved', hash: ((await res.json()) as { hash: string }).hash };
		if (res.status === 409) {
			const data = (await res.json()) as {
				theirs?: Extract<Outcome, { kind: 'conflict' }>['theirs'];
			};
			if (data.theirs) return { kind: 'conflict', theirs: data.theirs };
		}
		if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
			const data = (await res.json().catch(() => ({}))) as { message?: string };
			return { kind: 'refused', message: data.message ?? String(res.status) };
		}
		return { kind: 'retry' };
	} catch {
		return { kind: 'retry' };
	}
}
