// The checker speaks English (its messages go to files and terminals); the studio shows the
// problems it knows in the reader's language and the others as written, marked as English.
import * as m from '$lib/paraglide/messages';
import { languageName } from '$lib/i18n/labels';
import { getLocale } from '$lib/paraglide/runtime';
import { formatNumber } from '$lib/i18n/intl';

export type ShownProblem = { text: string; lang: string | null; field: string; warning: boolean };

const RULES: [RegExp, (g: Record<string, string>) => string][] = [
	[
		/^"[^"]+" is missing locale "(?<l>[a-z]{2})"$/,
		(g) => m.studio_quiz_problem_translation({ language: languageName[g.l ?? ''] ?? g.l ?? '' })
	],
	[
		/^a single-choice question needs exactly one option with "correct: true", found (?<n>\d+)$/,
		(g) => m.studio_quiz_problem_one_correct({ found: formatNumber(Number(g.n)) })
	],
	[
		/^the positive fractions must add up to 1, they add up to (?<n>[\d.-]+)$/,
		(g) => m.studio_quiz_problem_fractions({ sum: formatNumber(Number(g.n)) })
	],
	[/^duplicate [a-z ]+ "(?<id>[^"]+)"/, (g) => m.studio_quiz_problem_duplicate({ id: g.id ?? '' })],
	[/^missing required key "[^"]+"$/, () => m.studio_quiz_problem_required()],
	[
		/^"[^"]+" needs at least (?<min>\d+) entries, has (?<n>\d+)$/,
		(g) => m.studio_quiz_problem_too_few({ min: formatNumber(Number(g.min)) })
	],
	[
		/^"[^"]+" must be (?:a number|a whole number) from (?<min>[\d.-]+) to (?<max>[\d.-]+),/,
		(g) =>
			m.studio_quiz_problem_range({
				min: formatNumber(Number(g.min)),
				max: formatNumber(Number(g.max))
			})
	],
	[
		/^"[^"]+" must be a whole number of (?<min>[\d.-]+) or more,/,
		(g) => m.studio_quiz_problem_whole_at_least({ min: formatNumber(Number(g.min)) })
	],
	[
		/^"[^"]+" must be a number of (?<min>[\d.-]+) or more,/,
		(g) => m.studio_quiz_problem_at_least({ min: formatNumber(Number(g.min)) })
	],
	[
		/^"draw" is \d+ but the quiz has only (?<n>\d+) question/,
		(g) => m.studio_quiz_problem_draw({ pool: formatNumber(Number(g.n)) })
	],
	[/^"[^"]+" must be (?:a number|a whole number)/, () => m.studio_quiz_problem_number()],
	[/^a numeric question needs either/, () => m.studio_quiz_problem_numeric()],
	[/^"min" \(.+\) is greater than "max"/, () => m.studio_quiz_problem_min_max()],
	[/^question id ".*" must use lowercase/, () => m.studio_quiz_problem_id()]
];

/** A checker problem as the studio shows it. */
export function showProblem(p: {
	message: string;
	field: string;
	severity: 'error' | 'warning';
}): ShownProblem {
	const warning = p.severity === 'warning';
	for (const [re, say] of RULES) {
		const g = re.exec(p.message)?.groups;
		if (g || re.test(p.message))
			return { text: say(g ?? {}), lang: getLocale(), field: p.field, warning };
	}
	return { text: p.message, lang: 'en', field: p.field, warning };
}
