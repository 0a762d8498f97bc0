// Deterministic randomness: an attempt stores its seed, so the same questions come back in
// the same order after a reload, and a past attempt can be shown exactly as it was.
import type { Question } from '../courses/types.ts';

/** FNV-1a, 32 bits: turns any text (an attempt id, a seed and a question id) into a seed. */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export type Seed = number | string;

/** mulberry32: small, fast and good enough for shuffling answers (not for secrets). */
export function createRandom(seed: Seed): () => number {
	let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A shuffled copy (Fisher–Yates); the same seed always gives the same order. */
export function shuffle<T>(items: readonly T[], seed: Seed): T[] {
	const out = [...items];
	const random = createRandom(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j] as T, out[i] as T];
	}
	return out;
}

/**
 * `draw` questions from a pool, kept in pool order (shuffling the order is a separate
 * setting). Descriptions do not count and are left out of a draw: without their neighbours
 * they would introduce nothing. Without `draw`, or when it covers the pool, the pool is used.
 */
export function drawQuestions(
	pool: readonly Question[],
	{ draw, seed }: { draw: number | null; seed: Seed }
): Question[] {
	const scored = pool.filter((q) => q.type !== 'description');
	if (draw === null || draw >= scored.length) return [...pool];
	const chosen = new Set(shuffle(scored, seed).slice(0, Math.max(0, Math.floor(draw))));
	return scored.filter((q) => chosen.has(q));
}
