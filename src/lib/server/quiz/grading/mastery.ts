/**
 * Module practice mastery, "3 of the last 4 right": `lastResults` oldest first; only the last
 * `of` count. Fewer results than `of` can already reach it (3 right out of 3 is 3 of the last 4).
 */
export function masteryReached(
	lastResults: readonly boolean[],
	{ of, correct }: { of: number; correct: number }
): boolean {
	if (of <= 0 || correct <= 0) return false;
	const window = lastResults.slice(-of);
	return window.filter(Boolean).length >= correct;
}
