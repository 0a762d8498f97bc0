// One quiz form, read the same way by the server (posted without JavaScript) and by the browser
// (each answer saved as it changes): field names per question, and the response each type sends
// (ResponseByType in src/lib/server/quiz/types.ts).
import type { PresentedQuestion } from '$lib/server/quiz/types';

export type FormLike = {
	get(name: string): FormDataEntryValue | null;
	getAll(name: string): FormDataEntryValue[];
};

/** The form field of a question, or of one of its parts (a matching pair, an ordering item). */
export const fieldName = (questionId: string, part?: string) =>
	part === undefined ? `q:${questionId}` : `q:${questionId}:${part}`;

const text = (form: FormLike, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

/**
 * The response the form holds for a question; undefined when it holds none (nothing chosen, or
 * the field is not in the post at all: a partial post never erases a saved answer).
 */
export function readResponse(q: PresentedQuestion, form: FormLike): unknown {
	const name = fieldName(q.id);
	const has = (n: string) => form.get(n) !== null;
	switch (q.type) {
		case 'single':
			return text(form, name) || undefined;
		case 'truefalse': {
			const v = text(form, name);
			return v === 'true' ? true : v === 'false' ? false : undefined;
		}
		case 'multiple':
			// Unticked boxes send nothing: a hidden field says the question was in the form.
			if (!has(fieldName(q.id, 'shown'))) return undefined;
			return form.getAll(name).filter((v): v is string => typeof v === 'string');
		case 'short':
		case 'numeric':
			return has(name) ? text(form, name).trim() : undefined;
		case 'essay':
			return has(name) ? text(form, name) : undefined;
		case 'matching': {
			const pairs = (q.pairs ?? []).filter((p) => has(fieldName(q.id, p.id)));
			if (pairs.length === 0) return undefined;
			const chosen: Record<string, string> = {};
			for (const p of pairs) {
				const v = text(form, fieldName(q.id, p.id));
				if (v) chosen[p.id] = v;
			}
			return chosen;
		}
		case 'ordering': {
			const items = q.items ?? [];
			if (!items.some((item) => has(fieldName(q.id, item.id)))) return undefined;
			// Items without a position keep their shown order after the placed ones.
			const placed = items.map((item, i) => ({
				id: item.id,
				i,
				at: Number(text(form, fieldName(q.id, item.id))) || Infinity
			}));
			if (placed.every((p) => p.at === Infinity)) return [];
			return placed.sort((a, b) => a.at - b.at || a.i - b.i).map((p) => p.id);
		}
		default:
			return undefined;
	}
}

/** True for an answer that says nothing: no text, no choice. */
export function isBlank(v: unknown): boolean {
	if (v === undefined || v === null || v === '') return true;
	if (Array.isArray(v)) return v.length === 0;
	return typeof v === 'object' && Object.keys(v).length === 0;
}

/** Whether `response` needs saving over `saved` (a blank form field never erases nothing). */
export function needsSaving(response: unknown, saved: unknown): boolean {
	if (response === undefined) return false;
	if (saved === undefined || saved === null) return !isBlank(response);
	return JSON.stringify(response) !== JSON.stringify(saved);
}

/** The (question id, response) pairs of the form that differ from the saved answers. */
export function changedResponses(
	questions: readonly PresentedQuestion[],
	saved: Record<string, unknown>,
	form: FormLike
): [string, unknown][] {
	const out: [string, unknown][] = [];
	for (const q of questions) {
		const response = readResponse(q, form);
		if (needsSaving(response, saved[q.id])) out.push([q.id, response]);
	}
	return out;
}

/** The position (1-based) a saved ordering gives an item, or '' before any. */
export function positionOf(saved: unknown, itemId: string): string {
	const at = Array.isArray(saved) ? saved.indexOf(itemId) : -1;
	return at === -1 ? '' : String(at + 1);
}

/** A response (or an answer key of the same shape) as lines of text the learner can read. */
export function describeResponse(
	q: PresentedQuestion,
	r: unknown,
	labels: { true: string; false: string }
): string[] {
	if (isBlank(r)) return [];
	const label = (list: { id: string; text: string }[] | undefined, id: unknown) =>
		list?.find((c) => c.id === id)?.text ?? String(id);
	switch (q.type) {
		case 'single':
			return [label(q.options, r)];
		case 'multiple':
			return Array.isArray(r) ? r.map((id) => label(q.options, id)) : [];
		case 'truefalse':
			return [r === true || r === 'true' ? labels.true : labels.false];
		case 'ordering':
			return Array.isArray(r) ? r.map((id, i) => `${i + 1}. ${label(q.items, id)}`) : [];
		case 'matching':
			return typeof r === 'object' && r
				? (q.pairs ?? [])
						.filter((p) => p.id in r)
						.map((p) => `${p.text} → ${label(q.matches, (r as Record<string, unknown>)[p.id])}`)
				: [];
		case 'short':
			return Array.isArray(r) ? [r.join(' / ')] : [String(r)];
		case 'numeric':
			if (typeof r === 'object' && r) {
				const k = r as {
					answer?: number;
					tolerance?: number;
					min?: number | null;
					max?: number | null;
				};
				if (typeof k.answer === 'number')
					return [k.tolerance ? `${k.answer} ± ${k.tolerance}` : String(k.answer)];
				return [`${k.min ?? '…'} – ${k.max ?? '…'}`];
			}
			return [`${String(r)}${q.unit ? ` ${q.unit}` : ''}`];
		default:
			return [String(r)];
	}
}
