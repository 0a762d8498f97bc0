// Answers the server has not acknowledged yet, kept per attempt in localStorage so that a
// closed tab, a reload or a dead connection never loses one (issue 11 #8).

/** The part of the Web Storage API the outbox uses (localStorage in the browser). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The storage key of one attempt's unsent answers. */
export const outboxKey = (attemptId: string) => `tamkeen.quiz.unsent.${attemptId}`;

/** Unsent answers of one attempt, by question id; every change is written through at once. */
export class Outbox {
	readonly #store: KeyValueStore | null;
	readonly #key: string;
	readonly #entries: Map<string, unknown>;

	constructor(store: KeyValueStore | null, attemptId: string) {
		this.#store = store;
		this.#key = outboxKey(attemptId);
		this.#entries = new Map(Object.entries(this.#read()));
	}

	#read(): Record<string, unknown> {
		try {
			const raw = this.#store?.getItem(this.#key);
			const parsed: unknown = raw ? JSON.parse(raw) : {};
			return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
				? (parsed as Record<string, unknown>)
				: {};
		} catch {
			return {};
		}
	}

	#write() {
		try {
			if (this.#entries.size === 0) this.#store?.removeItem(this.#key);
			else this.#store?.setItem(this.#key, JSON.stringify(Object.fromEntries(this.#entries)));
		} catch {
			// Storage full or refused (private browsing): the page itself still holds the answer.
		}
	}

	get size() {
		return this.#entries.size;
	}
	ids(): string[] {
		return [...this.#entries.keys()];
	}
	has(questionId: string) {
		return this.#entries.has(questionId);
	}
	get(questionId: string): unknown {
		return this.#entries.get(questionId);
	}
	put(questionId: string, response: unknown) {
		this.#entries.set(questionId, response);
		this.#write();
	}
	/** Drops an answer once the server holds it; a newer unsent value is kept. */
	acknowledge(questionId: string, response: unknown) {
		if (JSON.stringify(this.#entries.get(questionId)) !== JSON.stringify(response)) return false;
		this.#entries.delete(questionId);
		this.#write();
		return true;
	}
	remove(questionId: string) {
		this.#entries.delete(questionId);
		this.#write();
	}
	clear() {
		this.#entries.clear();
		this.#write();
	}
}

/** Milliseconds before retry number `n` (0-based): 2 s doubling to 30 s, ±20 % so clients spread. */
export function retryDelay(n: number, random: () => number = Math.random): number {
	const base = Math.min(30_000, 2_000 * 2 ** Math.min(n, 10));
	return Math.round(base * (0.8 + 0.4 * random()));
}
