// Reads a question's `body` (plain data from YAML or the database) defensively: the loader
// checked it, but an attempt may hold a snapshot written by an older version, and grading
// must never throw on a learner's submission.
import type { QuestionLabels } from '../courses/types.ts';
import { hashString } from './random.ts';

export type Entry = { id: string; raw: Record<string, unknown> };

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The maps with a text id in a list key (`options`, `pairs`, `items`), in written order. */
export function entries(body: Record<string, unknown>, key: string): Entry[] {
	const list = body[key];
	if (!Array.isArray(list)) return [];
	return list.flatMap((raw: unknown) =>
		isRecord(raw) && (typeof raw.id === 'string' || typeof raw.id === 'number')
			? [{ id: String(raw.id), raw }]
			: []
	);
}

/** The question's idnumber and tags, whatever an older snapshot holds. */
export function labelsOf(body: Record<string, unknown>): QuestionLabels {
	const { idnumber, tags } = body;
	const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
	return {
		...(typeof idnumber === 'string' && idnumber !== '' ? { idnumber } : {}),
		...(list.length ? { tags: list } : {})
	};
}

export function numberAt(body: Record<string, unknown>, key: string): number | undefined {
	const value = body[key];
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * An opaque id for a shown text (a matching answer, an ordering item). Derived from the text,
 * not from the author's id, so ids such as `1`, `2`, `3` cannot give the right order away,
 * and grading can recompute it from the question alone, without the attempt's seed.
 */
export function textToken(text: string): string {
	return 't' + hashString(text.trim()).toString(36);
}
