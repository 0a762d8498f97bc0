import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCourseQuestions } from '../../../../src/lib/server/quiz/formats/convert.ts';
import { escapeGift, exportGift } from '../../../../src/lib/server/quiz/formats/export-gift.ts';
import { parseGift } from '../../../../src/lib/server/quiz/formats/gift.ts';
import type { ParsedQuestion } from '../../../../src/lib/server/quiz/formats/parsed.ts';
import * as q from '../sample-questions.ts';

/** What must survive a round trip: type, prompt and every fraction. */
function essentials(questions: ParsedQuestion[]) {
	return questions.map((p) => ({
		type: p.type,
		prompt: p.prompt,
		fractions:
			p.type === 'single' || p.type === 'multiple'
				? p.options.map((o) => o.fraction)
				: p.type === 'short' || p.type === 'numeric'
					? p.answers.map((a) => a.fraction)
					: []
	}));
}

describe('exportGift', () => {
	it('exports our questions so that parsing them gives the same types, prompts and fractions', () => {
		const exportable = q.everyType.filter((x) => x.type !== 'ordering');
		const gift = exportGift(exportable, { locale: 'fr' });
		const { questions, errors } = parseGift(gift);
		expect(errors).toEqual([]);
		expect(questions.map((p) => p.name)).toEqual(exportable.map((x) => x.id));
		expect(essentials(questions)).toEqual([
			{ type: 'single', prompt: 'Qui adopte le budget ?', fractions: [1, 0, 0] },
			{ type: 'multiple', prompt: 'Ressources propres ?', fractions: [0.5, 0.5, -1, 0] },
			{
				type: 'truefalse',
				prompt: 'La ville perçoit la taxe sur les immeubles bâtis.',
				fractions: []
			},
			{ type: 'short', prompt: 'Le mot ?', fractions: [1, 1] },
			{ type: 'numeric', prompt: 'Pi ?', fractions: [1] },
			{ type: 'numeric', prompt: 'Combien de conseillers ?', fractions: [1] },
			{ type: 'matching', prompt: 'Associez.', fractions: [] },
			{ type: 'essay', prompt: 'Décrivez.', fractions: [] },
			{ type: 'description', prompt: 'Partie 2.', fractions: [] }
		]);
		expect(questions[2]).toMatchObject({ answer: true, feedbackFalse: 'Si, elle la perçoit.' });
		expect(questions[4]).toMatchObject({ answers: [{ answer: 3.14, tolerance: 0.01 }] });
		expect(questions[5]).toMatchObject({ answers: [{ min: 12, max: 60 }] });
	});

	it('round-trips a GIFT file through our model and back', () => {
		const source = readFileSync('tests/fixtures/quiz/every-construct.gift', 'utf8');
		// Left out: partial numeric credit is dropped on import, HTML becomes plain text.
		const first = parseGift(source).questions.filter(
			(p) => p.name !== 'numeric-multiple' && p.format !== 'html'
		);
		expect(first).toHaveLength(14);
		const model = toCourseQuestions(first, { locale: 'en' }).questions;
		const again = parseGift(exportGift(model, { locale: 'en', category: 'tamkeen/constructs' }));
		expect(again.errors).toEqual([]);
		expect(essentials(again.questions)).toEqual(essentials(first));
		expect(again.questions.every((p) => p.category === 'tamkeen/constructs')).toBe(true);
	});

	it('escapes special characters and newlines, and leaves ordering out with a comment', () => {
		expect(escapeGift('a=b {c} ~d #e: f\\g\nh')).toBe('a\\=b \\{c\\} \\~d \\#e\\: f\\\\g\\nh');
		const gift = exportGift([q.ordering], { locale: 'fr' });
		expect(gift).toBe('// ordering question "budget-steps" has no GIFT form; left out\n');
		expect(parseGift(gift).questions).toEqual([]);
	});

	it('keeps the Arabic text of an Arabic export', () => {
		const [parsed] = parseGift(exportGift([q.single], { locale: 'ar' })).questions;
		expect(parsed).toMatchObject({
			prompt: 'من يصادق على الميزانية؟',
			options: [{ text: 'المجلس' }, {}, {}]
		});
	});
});
