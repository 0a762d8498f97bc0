// Course questions to GIFT, in one locale, so a trainer can take a quiz to Moodle (or back
// into Tamkeen). Ordering has no GIFT form: it is left out, with a comment saying so.
import { entries, labelsOf, numberAt } from '../body.ts';
import { localText, type Locale } from '../../text/localised.ts';
import type { Question } from '../types.ts';
import { writeLabels } from './gift-labels.ts';

/** GIFT's special characters escaped, newlines as `\n` (what Moodle's exporter writes). */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** A percentage without float noise: 1/3 -> 33.33333. */
function percent(fraction: number): string {
	return String(Math.round(fraction * 10_000_000) / 100_000);
}

/** One GIFT file for `questions`; `category` adds a `$CATEGORY:` line at the top. */
export function exportGift(
	questions: readonly Question[],
	{ locale, category }: { locale: Locale; category?: string }
): string {
	const blocks = category ? [`$CATEGORY: ${category}`] : [];
	for (const q of questions) {
		// Moodle's own line for the idnumber and tags, right above the question it labels.
		const labels = writeLabels(labelsOf(q.body));
		const question = exportQuestion(q, locale);
		blocks.push(labels && !question.startsWith('//') ? `${labels}\n${question}` : question);
	}
	return blocks.join('\n\n') + '\n';
}

function exportQuestion(q: Question, locale: Locale): string {
	const text = (value: unknown) => escapeGift(localText(value, locale));
	const head = `::${escapeGift(q.id)}::${text(q.body.prompt)}`;
	const general = q.body.feedback === undefined ? '' : `\n\t####${text(q.body.feedback)}`;
	const feedback = (raw: Record<string, unknown>) =>
		raw.feedback === undefined ? '' : `#${text(raw.feedback)}`;
	const block = (lines: string[]) =>
		`${head}{\n${lines.map((l) => `\t${l}`).join('\n')}${general}\n}`;
	switch (q.type) {
		case 'single':
			return block(
				entries(q.body, 'options').map(
					(o) => `${o.raw.correct === true ? '=' : '~'}${text(o.raw.text)}${feedback(o.raw)}`
				)
			);
		case 'multiple':
			return block(
				entries(q.body, 'options').map((o) => {
					const f = typeof o.raw.fraction === 'number' ? o.raw.fraction : 0;
					const weight = f === 0 ? '' : `%${percent(f)}%`;
					return `~${weight}${text(o.raw.text)}${feedback(o.raw)}`;
				})
			);
		case 'truefalse': {
			const answer = q.body.answer === true;
			const right = answer ? q.body.feedbackTrue : q.body.feedbackFalse;
			const wrong = answer ? q.body.feedbackFalse : q.body.feedbackTrue;
			const tail = right || wrong ? `#${text(wrong)}#${text(right)}` : '';
			return block([`${answer ? 'TRUE' : 'FALSE'}${tail}`]);
		}
		case 'short': {
			const accept = q.body.accept as Record<string, unknown> | undefined;
			const list = Array.isArray(accept?.[locale]) ? (accept[locale] as unknown[]) : [];
			return block(list.filter((a) => typeof a === 'string').map((a) => `=${escapeGift(a)}`));
		}
		case 'numeric': {
			const answer = numberAt(q.body, 'answer');
			const range =
				answer !== undefined
					? `${answer}:${numberAt(q.body, 'tolerance') ?? 0}`
					: `${numberAt(q.body, 'min')}..${numberAt(q.body, 'max')}`;
			return block([`#${range}`]);
		}
		case 'matching':
			return block(
				entries(q.body, 'pairs').map((p) => `=${text(p.raw.prompt)} -> ${text(p.raw.match)}`)
			);
		case 'essay':
			return `${head}{${general.trim()}}`;
		case 'description':
			return head;
		default:
			return `// ${q.type} question "${q.id}" has no GIFT form; left out`;
	}
}
