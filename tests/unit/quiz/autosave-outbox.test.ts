import { describe, expect, it } from 'vitest';
import {
	Outbox,
	outboxKey,
	retryDelay,
	type KeyValueStore
} from '../../../src/lib/quiz/autosave/outbox.ts';

/** A Web Storage with the same contract as localStorage (strings in, strings out). */
class MemoryStorage implements KeyValueStore {
	readonly data = new Map<string, string>();
	getItem(k: string) {
		return this.data.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.data.set(k, v);
	}
	removeItem(k: string) {
		this.data.delete(k);
	}
}

describe('the unsent-answer outbox', () => {
	it('keeps unsent answers per attempt, across a reload, until each is acknowledged', () => {
		const store = new MemoryStorage();
		const box = new Outbox(store, '7');
		box.put('q1', 'abc');
		box.put('q2', ['a', 'b']);
		new Outbox(store, '8').put('q1', 'other attempt');
		const reloaded = new Outbox(store, '7');
		expect(reloaded.ids()).toEqual(['q1', 'q2']);
		expect(reloaded.get('q2')).toEqual(['a', 'b']);

		expect(reloaded.acknowledge('q1', 'abc')).toBe(true);
		expect(reloaded.acknowledge('q2', ['a'])).toBe(false); // a newer answer is still unsent
		expect(new Outbox(store, '7').ids()).toEqual(['q2']);
		reloaded.acknowledge('q2', ['a', 'b']);
		expect(store.getItem(outboxKey('7'))).toBeNull(); // nothing left: the key is gone
		expect(new Outbox(store, '8').get('q1')).toBe('other attempt');
	});

	it('survives storage that is unreadable, full or absent, keeping answers in the page', () => {
		const broken: KeyValueStore = {
			getItem: () => '{not json',
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
			removeItem: () => undefined
		};
		const box = new Outbox(broken, '1');
		box.put('q', 'x');
		expect(box.get('q')).toBe('x');
		const none = new Outbox(null, '1');
		none.put('q', 'y');
		expect(none.size).toBe(1);
	});

	it('waits longer after each failure, up to 30 s, spread so that clients do not retry together', () => {
		const mid = () => 0.5;
		expect([0, 1, 2, 3, 4, 10].map((n) => retryDelay(n, mid))).toEqual([
			2000, 4000, 8000, 16000, 30000, 30000
		]);
		expect(retryDelay(0, () => 0)).toBe(1600);
		expect(retryDelay(0, () => 1)).toBe(2400);
	});
});
