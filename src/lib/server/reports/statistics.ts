// Paired pre/post statistics from sums, so SQL can aggregate per cell and the margins are the
// sums of their cells (no per-learner data leaves the database).

/** What SQL sums per cell over the learners with both a pre-test and a final score. */
export type PairedSums = {
	paired: number;
	improved: number;
	sumPre: number;
	sumFinal: number;
	/** Σ (final − pre) and Σ (final − pre)², for the mean gain's variance. */
	sumGain: number;
	sumGain2: number;
};

export type PairedStats = {
	n: number;
	meanPre: number;
	meanFinal: number;
	meanGain: number;
	/** 95 % confidence interval of the mean gain (t distribution, n − 1 degrees of freedom). */
	ci: [number, number] | null;
	/** Hake's normalised gain of the group: (mean final − mean pre) / (100 − mean pre). */
	hake: number | null;
	improvedShare: number;
};

// Two-sided 95 % quantiles of Student's t for 1 to 30 degrees of freedom (standard tables).
const T975 = [
	12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788,
	2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639,
	2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423
];

/** t(0.975, df): the table up to 30, then the Cornish–Fisher expansion (error < 1e-4 there). */
export function t975(df: number): number {
	if (df < 1) return NaN;
	if (df <= 30) return T975[df - 1] ?? NaN;
	const z = 1.959964;
	const z3 = z ** 3;
	const z5 = z ** 5;
	const z7 = z ** 7;
	return (
		z +
		(z3 + z) / (4 * df) +
		(5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
		(3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
	);
}

/** Means, the gain's confidence interval and Hake's gain; null when no learner is paired. */
export function pairedStats(s: PairedSums): PairedStats | null {
	const n = s.paired;
	if (n === 0) return null;
	const meanPre = s.sumPre / n;
	const meanFinal = s.sumFinal / n;
	const meanGain = s.sumGain / n;
	let ci: [number, number] | null = null;
	if (n >= 2) {
		// Sample variance from the sums; clamp the rounding error that can make it slightly negative.
		const variance = Math.max(0, (s.sumGain2 - (s.sumGain * s.sumGain) / n) / (n - 1));
		const half = t975(n - 1) * Math.sqrt(variance / n);
		ci = [meanGain - half, meanGain + half];
	}
	return {
		n,
		meanPre,
		meanFinal,
		meanGain,
		ci,
		hake: meanPre < 100 ? (meanFinal - meanPre) / (100 - meanPre) : null,
		improvedShare: s.improved / n
	};
}
