import * as m from '$lib/paraglide/messages';

const LABELS: Record<string, () => string> = {
	single: m.studio_quiz_type_single,
	multiple: m.studio_quiz_type_multiple,
	truefalse: m.studio_quiz_type_truefalse,
	short: m.studio_quiz_type_short,
	numeric: m.studio_quiz_type_numeric,
	matching: m.studio_quiz_type_matching,
	ordering: m.studio_quiz_type_ordering,
	essay: m.studio_quiz_type_essay,
	description: m.studio_quiz_type_description
};

/** A question type's name in the page's language. */
export const questionTypeLabel = (type: string): string => LABELS[type]?.() ?? type;
