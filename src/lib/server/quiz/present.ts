// What the browser may see of a question. Built field by field from an allow-list, never by
// deleting secret keys from a copy: a key added to the format later stays on the server.
import { entries, numberAt } from './body.ts';
import { localText } from '../text/localised.ts';
import { shuffle, type Seed } from './random.ts';
import { itemToken, matchToken } from './grading/sets.ts';
import type { PresentedChoice, PresentedQuestion, Question } from './types.ts';
import type { Locale } from '../text/localised.ts';

export type PresentOptions = { locale: Locale; shuffleOptions: boolean; seed: Seed };

/**
 * One question for display in `locale`. Options are shuffled only when asked; matching answers
 * and ordering items are always shuffled, since their written order is the answer. The seed is
 * mixed with the question id, so one attempt seed gives each question its own order.
 */
export function presentQuestion(question: Question, options: PresentOptions): PresentedQuestion {
	const { locale, shuffleOptions } = options;
	const seed = `${options.seed}:${question.id}`;
	const body = question.body;
	const out: PresentedQuestion = {
		id: question.id,
		type: question.type,
		points: question.type === 'description' ? 0 : question.points,
		prompt: localText(body.prompt, locale)
	};
	const texts = (key: string, field: string): PresentedChoice[] =>
		entries(body, key).map((e) => ({ id: e.id, text: localText(e.raw[field], locale) }));
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const choices = texts('options', 'text');
			out.options = shuffleOptions ? shuffle(choices, seed) : choices;
			break;
		}
		case 'numeric': {
			const unit = localText(body.unit, locale);
			if (unit) out.unit = unit;
			break;
		}
		case 'matching': {
			const pairs = entries(body, 'pairs');
			out.pairs = texts('pairs', 'prompt');
			const matches = pairs.map((p) => ({
				id: matchToken(p.raw, locale),
				text: localText(p.raw.match, locale)
			}));
			out.matches = shuffle(uniqueById(matches), seed);
			break;
		}
		case 'ordering':
			out.items = shuffle(
				entries(body, 'items').map((i) => ({
					id: itemToken(i.raw, locale),
					text: localText(i.raw.text, locale)
				})),
				seed
			);
			break;
		case 'essay': {
			const minWords = numberAt(body, 'minWords');
			if (minWords !== undefined) out.minWords = minWords;
			const guidance = localText(body.guidance, locale);
			if (guidance) out.guidance = guidance;
			break;
		}
	}
	return out;
}

/** Two pairs with the same answer text show it once: either pair may take it. */
function uniqueById(choices: PresentedChoice[]): PresentedChoice[] {
	const seen = new Set<string>();
	return choices.filter((c) => !seen.has(c.id) && (seen.add(c.id), true));
}
