// A small seeded generator, so one seed always gives the same synthetic database.

export type Random = {
	/** Uniform in [0, 1). */
	next: () => number;
	/** True with probability p. */
	chance: (p: number) => boolean;
	/** An integer in [min, max]. */
	int: (min: number, max: number) => number;
	/** A normal draw (Box–Muller). */
	normal: (mean: number, sd: number) => number;
	/** A key of `weights`, drawn in proportion to its weight. */
	weighted: <K extends string>(weights: readonly (readonly [K, number])[]) => K;
};

/** mulberry32: fast, 32-bit state, good enough for test data (not for secrets). */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		chance: (p) => next() < p,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		normal: (mean, sd) =>
			mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
		weighted: (weights) => {
			const total = weights.reduce((t, [, w]) => t + w, 0);
			let x = next() * total;
			for (const [key, w] of weights) {
				x -= w;
				if (x < 0) return key;
			}
			const last = weights[weights.length - 1];
			if (!last) throw new Error('no weights');
			return last[0];
		}
	};
}
