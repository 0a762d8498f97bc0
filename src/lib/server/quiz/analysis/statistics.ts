// Item analysis as Moodle's quiz statistics report defines it (facility, SD, discrimination index,
// discriminative efficiency, coefficient of internal consistency), computed from scores alone so
// it can be checked by hand. Loading the scores from the database lives in `load.ts`.

/** One question's score in one attempt, and what the learner chose when it had options. */
export type ItemScore = { score: number; max: number; chosen: readonly string[] | null };
/** One submitted, fully graded attempt: question id → its score. */
export type AttemptScores = ReadonlyMap<string, ItemScore>;

export type ItemFlag =
	'negative-discrimination' | 'weak-discrimination' | 'everyone-right' | 'no-one-right';

export type OptionCount = { id: string; count: number; share: number };

export type ItemStatistics = {
	questionId: string;
	/** Attempts in which the question appeared. */
	attempts: number;
	/** Mean score as a share of the question's points, 0..1. */
	facility: number;
	/** Sample standard deviation of the score as a share of the points; null under 2 attempts. */
	sd: number | null;
	/** Pearson correlation of the item's score with the rest of the test, −1..1. */
	discrimination: number | null;
	/** Covariance with the rest of the test over the largest covariance those scores allow, 0..1. */
	efficiency: number | null;
	/** How often each option was chosen (share of the attempts that showed the question). */
	options: OptionCount[];
	flags: ItemFlag[];
};

export type QuizStatistics = {
	attempts: number;
	/** Attempt scores as percentages of their maximum. */
	mean: number | null;
	median: number | null;
	sd: number | null;
	/** Cronbach's α (KR-20 when every item is right/wrong); null when it cannot be computed. */
	alpha: number | null;
	alphaUnavailable: 'too-few-attempts' | 'too-few-items' | 'drawn-questions' | 'no-variance' | null;
	/** Moodle's error ratio √(1 − α) and standard error (error ratio × SD), in percentage points. */
	errorRatio: number | null;
	standardError: number | null;
	items: ItemStatistics[];
};

/** Moodle marks a question as dubious below this discriminative efficiency. */
export const WEAK_EFFICIENCY = 0.15;
/** Facility at or beyond these tells nothing apart: (almost) everyone or no one was right. */
export const EVERYONE_RIGHT = 0.95;
export const NO_ONE_RIGHT = 0.05;

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;

/** Sample variance (n − 1), as Moodle uses; null under two values. */
function variance(xs: readonly number[]): number | null {
	if (xs.length < 2) return null;
	const m = mean(xs);
	return sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1);
}

function covariance(xs: readonly number[], ys: readonly number[]): number | null {
	if (xs.length < 2) return null;
	const mx = mean(xs);
	const my = mean(ys);
	let total = 0;
	for (let i = 0; i < xs.length; i++) total += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
	return total / (xs.length - 1);
}

export function median(xs: readonly number[]): number | null {
	if (xs.length === 0) return null;
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const upper = sorted[mid] ?? 0;
	return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

function correlation(xs: readonly number[], ys: readonly number[]): number | null {
	const cov = covariance(xs, ys);
	const vx = variance(xs);
	const vy = variance(ys);
	if (cov === null || vx === null || vy === null || vx === 0 || vy === 0) return null;
	return cov / Math.sqrt(vx * vy);
}

/** The covariance reached if the same two sets of scores were paired best with best. */
function maximumCovariance(xs: readonly number[], ys: readonly number[]): number | null {
	const up = (a: number, b: number) => a - b;
	return covariance([...xs].sort(up), [...ys].sort(up));
}

function itemStatistics(
	questionId: string,
	attempts: readonly AttemptScores[],
	optionIds: readonly string[]
): ItemStatistics {
	const item: number[] = [];
	const rest: number[] = [];
	const counts = new Map(optionIds.map((id) => [id, 0]));
	for (const attempt of attempts) {
		const own = attempt.get(questionId);
		if (!own || own.max <= 0) continue;
		let restScore = 0;
		let restMax = 0;
		for (const [id, other] of attempt) {
			if (id === questionId) continue;
			restScore += other.score;
			restMax += other.max;
		}
		item.push(own.score / own.max);
		// The rest of the test as a share of its maximum, so drawn tests of unequal length compare.
		rest.push(restMax > 0 ? restScore / restMax : 0);
		for (const id of own.chosen ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	const n = item.length;
	const facility = n > 0 ? mean(item) : 0;
	const v = variance(item);
	const discrimination = correlation(item, rest);
	const cov = covariance(item, rest);
	const best = maximumCovariance(item, rest);
	const efficiency = cov !== null && best !== null && best > 0 ? cov / best : null;
	const flags: ItemFlag[] = [];
	if (discrimination !== null && discrimination < 0) flags.push('negative-discrimination');
	else if (efficiency !== null && efficiency < WEAK_EFFICIENCY) flags.push('weak-discrimination');
	if (n > 0 && facility >= EVERYONE_RIGHT) flags.push('everyone-right');
	if (n > 0 && facility <= NO_ONE_RIGHT) flags.push('no-one-right');
	return {
		questionId,
		attempts: n,
		facility,
		sd: v === null ? null : Math.sqrt(v),
		discrimination,
		efficiency,
		options: [...counts].map(([id, count]) => ({ id, count, share: n > 0 ? count / n : 0 })),
		flags
	};
}

function internalConsistency(
	attempts: readonly AttemptScores[],
	questionIds: readonly string[]
): Pick<QuizStatistics, 'alpha' | 'alphaUnavailable'> {
	if (attempts.length < 2) return { alpha: null, alphaUnavailable: 'too-few-attempts' };
	const k = questionIds.length;
	if (k < 2) return { alpha: null, alphaUnavailable: 'too-few-items' };
	// α needs every attempt to answer the same items; a drawn quiz gives each learner a subset.
	if (attempts.some((a) => a.size !== k || questionIds.some((id) => !a.has(id)))) {
		return { alpha: null, alphaUnavailable: 'drawn-questions' };
	}
	const itemVariances = questionIds.map(
		(id) => variance(attempts.map((a) => a.get(id)?.score ?? 0)) ?? 0
	);
	const totalVariance = variance(attempts.map((a) => sum([...a.values()].map((s) => s.score))));
	if (!totalVariance) return { alpha: null, alphaUnavailable: 'no-variance' };
	return {
		alpha: (k / (k - 1)) * (1 - sum(itemVariances) / totalVariance),
		alphaUnavailable: null
	};
}

/**
 * Statistics of a quiz over the given attempts. `questions` lists every question id in the order
 * to report, with the option ids to count (empty for questions without options).
 */
export function analyseQuiz(
	attempts: readonly AttemptScores[],
	questions: readonly { id: string; optionIds: readonly string[] }[]
): QuizStatistics {
	const percentages = attempts.map((a) => {
		const values = [...a.values()];
		const max = sum(values.map((s) => s.max));
		return max > 0 ? (100 * sum(values.map((s) => s.score))) / max : 0;
	});
	const v = variance(percentages);
	const sd = v === null ? null : Math.sqrt(v);
	const consistency = internalConsistency(
		attempts,
		questions.map((q) => q.id)
	);
	const errorRatio =
		consistency.alpha !== null && consistency.alpha <= 1
			? 100 * Math.sqrt(Math.max(0, 1 - consistency.alpha))
			: null;
	return {
		attempts: attempts.length,
		mean: percentages.length > 0 ? mean(percentages) : null,
		median: median(percentages),
		sd,
		...consistency,
		errorRatio,
		standardError: errorRatio !== null && sd !== null ? (errorRatio / 100) * sd : null,
		items: questions.map((q) => itemStatistics(q.id, attempts, q.optionIds))
	};
}
