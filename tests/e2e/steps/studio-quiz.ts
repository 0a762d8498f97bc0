// Browser steps another journey can reuse: a trainer adds a quiz of three question types
// (single choice, multiple choice, short answer) to a module of a studio course, through the
// plain forms of /studio/[slug]/quiz/[quiz], in the course's source language.
import type { Page } from 'playwright-core';

export type QuizTexts = {
	single: { prompt: string; options: [string, string, string] };
	multiple: { prompt: string; options: [string, string, string] };
	short: { prompt: string; accept: string[]; display: string };
};

/** Texts in Arabic and French, for courses written in either. */
export const QUIZ_TEXTS: Record<'ar' | 'fr', QuizTexts> = {
	ar: {
		single: {
			prompt: 'من يصادق على الميزانية البلدية؟',
			options: ['المجلس البلدي', 'الوالي', 'وزارة المالية']
		},
		multiple: {
			prompt: 'ما الوثائق التي تُنشر للعموم؟ (Open Data)',
			options: ['الميزانية', 'محاضر الجلسات', 'كلمات السرّ']
		},
		short: {
			prompt: 'ما اسم الخطة السنوية للاستثمار؟',
			accept: ['البرنامج السنوي للاستثمار', '*للاستثمار*'],
			display: 'البرنامج السنوي للاستثمار'
		}
	},
	fr: {
		single: {
			prompt: 'Qui adopte le budget communal ?',
			options: ['Le conseil municipal', 'Le gouverneur', 'Le ministère des Finances']
		},
		multiple: {
			prompt: 'Quels documents sont publiés ?',
			options: ['Le budget', 'Les procès-verbaux', 'Les mots de passe']
		},
		short: {
			prompt: 'Comment s’appelle le plan annuel d’investissement ?',
			accept: ['programme annuel d’investissement', '*investissement*'],
			display: 'Programme annuel d’investissement'
		}
	}
};

export const QUIZ_IDS = ['who-adopts', 'published-documents', 'investment-plan'] as const;

/**
 * Adds the three questions to the quiz `quiz` (a module slug) of course `slug`, the interface in
 * `ui`, texts in the course's source language `source`; waits for each save to be confirmed.
 */
export async function addQuizWithThreeTypes(
	page: Page,
	{
		base,
		slug,
		quiz,
		ui,
		source,
		texts = QUIZ_TEXTS[source]
	}: {
		base: string;
		slug: string;
		quiz: string;
		ui: 'ar' | 'fr' | 'en';
		source: 'ar' | 'fr';
		texts?: QuizTexts;
	}
): Promise<void> {
	const quizUrl = `${base}/${ui}/studio/${slug}/quiz/${quiz}`;
	const field = (name: string) => page.locator(`[name="${name}"]`);
	const start = async (type: string, id: string, prompt: string) => {
		await page.goto(quizUrl);
		await page.locator('#add-type').selectOption(type);
		await page.locator('form.add button[type="submit"]').click();
		await page.waitForURL(/\/question\?type=/);
		await field('id').fill(id);
		await field(`prompt.${source}`).fill(prompt);
	};
	const save = async () => {
		await page.locator('form.question button[type="submit"]').click();
		await page.waitForURL(/\?saved=/);
	};

	await start('single', QUIZ_IDS[0], texts.single.prompt);
	for (const [i, text] of texts.single.options.entries())
		await field(`options.${String(i)}.text.${source}`).fill(text);
	await field('correct').nth(0).check();
	await save();

	await start('multiple', QUIZ_IDS[1], texts.multiple.prompt);
	const fractions = ['0.5', '0.5', '-1'];
	for (const [i, text] of texts.multiple.options.entries()) {
		await field(`options.${String(i)}.text.${source}`).fill(text);
		await field(`options.${String(i)}.fraction`).fill(fractions[i] ?? '0');
	}
	await save();

	await start('short', QUIZ_IDS[2], texts.short.prompt);
	await field(`accept.${source}`).fill(texts.short.accept.join('\n'));
	await field(`display.${source}`).fill(texts.short.display);
	await save();
}
