import fs from 'node:fs';
import type { Report } from './problems.ts';
import { normaliseText, normaliseWithMap } from '../../text/normalise.ts';
import type { Course } from '../types.ts';

const LETTER = /\p{L}/u;
const ARABIC = /[\u0600-\u06FF]/;

/**
 * Warns, at file:line:column, where a lesson uses a form its glossary says to avoid. Text is
 * compared as search and grading compare it (normalise.ts), so أ/ا or a diacritic do not hide a
 * variant. Arabic forms may carry attached prefixes (و، ب، ال…), Latin forms match whole words.
 */
export function warnAvoidedTerms(c: Pick<Course, 'glossary' | 'modules'>, report: Report): void {
	const forms = c.glossary.flatMap((t) =>
		Object.entries(t.avoid ?? {}).flatMap(([locale, list]) =>
			list.map((form) => ({ locale, form, norm: normaliseText(form), term: t }))
		)
	);
	if (forms.length === 0) return;
	for (const m of c.modules)
		for (const l of m.lessons)
			for (const text of Object.values(l.texts)) {
				const mine = forms.filter((f) => f.locale === text.locale && f.norm !== '');
				if (mine.length === 0) continue;
				const lines = fs.readFileSync(text.file, 'utf8').split('\n');
				lines.forEach((line, i) => {
					const { text: norm, map } = normaliseWithMap(line);
					for (const f of mine) {
						const at = findForm(norm, f.norm);
						if (at < 0) continue;
						const preferred = f.term.text[text.locale] ?? f.term.id;
						report.warn(
							text.file,
							{ line: i + 1, column: (map[at] ?? 0) + 1 },
							`"${f.form}" is a form the glossary says to avoid: use "${preferred}" (term ${f.term.id})`
						);
					}
				});
			}
}

function findForm(line: string, form: string): number {
	let from = 0;
	for (;;) {
		const at = line.indexOf(form, from);
		if (at < 0) return -1;
		const before = line[at - 1] ?? ' ';
		const after = line[at + form.length] ?? ' ';
		const arabic = ARABIC.test(form);
		if (arabic || (!LETTER.test(before) && !LETTER.test(after))) return at;
		from = at + 1;
	}
}
