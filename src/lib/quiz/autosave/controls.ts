// A question's form controls, read and written through the same field names the server reads
// (src/lib/quiz/responses.ts), so a restored answer posts exactly as if it had been typed.
import type { PresentedQuestion, QuestionType } from '$lib/server/quiz/types';
import { fieldName, positionOf, readResponse } from '../responses';

export type Question = {
	id: string;
	fieldset: HTMLFieldSetElement;
	status: HTMLElement | null;
	shape: PresentedQuestion;
};

/** The questions the page shows, described from the fieldsets the server rendered. */
export function questionsOf(form: HTMLFormElement): Map<string, Question> {
	const out = new Map<string, Question>();
	for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')) {
		const id = fieldset.dataset.question ?? '';
		const prefix = `${fieldName(id)}:`;
		const parts = [...fieldset.querySelectorAll('select')]
			.map((s) => s.name)
			.filter((n) => n.startsWith(prefix))
			.map((n) => ({ id: n.slice(prefix.length), text: '' }));
		out.set(id, {
			id,
			fieldset,
			status: fieldset.querySelector<HTMLElement>('[data-status]'),
			// Only what readResponse looks at: the type and the parts' field names.
			shape: {
				id,
				type: (fieldset.dataset.type ?? 'short') as QuestionType,
				points: 0,
				prompt: '',
				pairs: parts,
				items: parts
			}
		});
	}
	return out;
}

/** A checked (final) answer sits in a disabled fieldset: its controls are not posted. */
export const isLocked = (q: Question) => q.fieldset.matches(':disabled');

/** The response the controls hold now (undefined when they hold none). */
export const readControls = (form: HTMLFormElement, q: Question) =>
	readResponse(q.shape, new FormData(form));

/** Puts a response back into the controls (an unsent answer restored after a reload). */
export function writeControls(q: Question, r: unknown) {
	const named = <T extends Element>(name: string) => [
		...q.fieldset.querySelectorAll<T>(`[name="${CSS.escape(name)}"]`)
	];
	const name = fieldName(q.id);
	switch (q.shape.type) {
		case 'single':
		case 'truefalse':
			for (const el of named<HTMLInputElement>(name)) el.checked = el.value === String(r);
			break;
		case 'multiple':
			for (const el of named<HTMLInputElement>(name))
				el.checked = Array.isArray(r) && r.includes(el.value);
			break;
		case 'short':
		case 'numeric':
		case 'essay':
			for (const el of named<HTMLInputElement | HTMLTextAreaElement>(name))
				el.value = typeof r === 'string' || typeof r === 'number' ? String(r) : '';
			break;
		case 'matching':
			for (const p of q.shape.pairs ?? [])
				for (const el of named<HTMLSelectElement>(fieldName(q.id, p.id)))
					el.value = r && typeof r === 'object' ? ((r as Record<string, string>)[p.id] ?? '') : '';
			break;
		case 'ordering':
			for (const item of q.shape.items ?? [])
				for (const el of named<HTMLSelectElement>(fieldName(q.id, item.id)))
					el.value = positionOf(r, item.id);
			break;
	}
}
