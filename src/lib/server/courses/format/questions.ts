import { isMap, type Node } from 'yaml';
import { SLUG } from './problems.ts';
import { QUESTION_TYPES, type Question, type QuestionType } from '../types.ts';
import { readLabels, type IdnumberRegistry } from './question-labels.ts';
import { YamlObject } from './yaml-object.ts';

const LABELS = ['idnumber', 'tags'];
const COMMON = ['id', 'type', ...LABELS, 'points', 'prompt', 'feedback'];
const KEYS: Record<QuestionType, string[]> = {
	single: [...COMMON, 'options'],
	multiple: [...COMMON, 'options'],
	truefalse: [...COMMON, 'answer', 'feedbackTrue', 'feedbackFalse'],
	short: [...COMMON, 'accept', 'display'],
	numeric: [...COMMON, 'answer', 'tolerance', 'min', 'max', 'unit'],
	matching: [...COMMON, 'pairs'],
	ordering: [...COMMON, 'items'],
	essay: [...COMMON, 'minWords', 'minutes', 'guidance', 'rubric'],
	description: ['id', 'type', ...LABELS, 'prompt']
};

/**
 * Checks one question against the rules of its type; `null` when it cannot be used.
 * `idnumbers` collects the course's idnumbers so a repeated one is reported.
 */
export function readQuestion(
	q: YamlObject,
	idnumbers: IdnumberRegistry | null,
	{ rubricRequired = false }: { rubricRequired?: boolean } = {}
): Question | null {
	const errorsBefore = q.src.report.errorCount;
	const id = q.string('id');
	if (id !== undefined && !SLUG.test(id))
		q.src.error(q.node('id'), `question id "${id}" must use lowercase letters, digits and hyphens`);
	const type = readType(q);
	readLabels(q, idnumbers);
	const points =
		type === 'description' ? 0 : (q.number('points', { required: false, min: 0 }) ?? 1);
	q.localised('prompt');
	if (type !== 'description') q.localised('feedback', { required: false });
	if (type) {
		q.onlyKeys(KEYS[type]);
		CHECKS[type](q);
		if (type === 'essay') readRubric(q, points, rubricRequired);
	}
	if (id === undefined || type === undefined || q.src.report.errorCount > errorsBefore) return null;
	return { id, type, points, body: q.map.toJSON() as Record<string, unknown> };
}

function readType(q: YamlObject): QuestionType | undefined {
	const value = q.string('type');
	if (value === undefined || (QUESTION_TYPES as readonly string[]).includes(value))
		return value as QuestionType | undefined;
	q.src.error(
		q.node('type'),
		`unknown question type "${value}" (use ${QUESTION_TYPES.join(', ')})`
	);
	return undefined;
}

const CHECKS: Record<QuestionType, (q: YamlObject) => void> = {
	single(q) {
		const options = readItems(q, 'options', 2, (o) => {
			o.onlyKeys(['id', 'text', 'correct', 'feedback']);
			o.localised('text');
			o.localised('feedback', { required: false });
			return o.boolean('correct', { required: false }) ?? false;
		});
		const correct = options?.filter(Boolean).length;
		if (correct !== undefined && correct !== 1) {
			q.src.error(
				q.node('options'),
				`a single-choice question needs exactly one option with "correct: true", found ${correct}`
			);
		}
	},
	multiple(q) {
		const fractions = readItems(q, 'options', 2, (o) => {
			o.onlyKeys(['id', 'text', 'fraction', 'feedback']);
			o.localised('text');
			o.localised('feedback', { required: false });
			return o.number('fraction', { min: -1, max: 1 });
		});
		if (!fractions || fractions.some((f) => f === undefined)) return;
		const sum = (fractions as number[]).filter((f) => f > 0).reduce((a, b) => a + b, 0);
		if (Math.abs(sum - 1) > 0.01) {
			q.src.error(
				q.node('options'),
				`the positive fractions must add up to 1, they add up to ${Math.round(sum * 1000) / 1000}`
			);
		}
	},
	truefalse(q) {
		q.boolean('answer');
		q.localised('feedbackTrue', { required: false });
		q.localised('feedbackFalse', { required: false });
	},
	short(q) {
		q.localisedList('accept', { min: 1 });
		if (!q.has('display'))
			q.src.warn(q.map, 'a short question should have "display": the answer shown in reviews');
		else q.localised('display');
	},
	numeric(q) {
		q.localised('unit', { required: false });
		const byAnswer = q.has('answer') || q.has('tolerance');
		const byRange = q.has('min') || q.has('max');
		if (byAnswer === byRange) {
			q.src.error(
				q.map,
				'a numeric question needs either "answer" (with "tolerance") or "min" and "max"'
			);
			return;
		}
		if (byAnswer) {
			q.number('answer');
			q.number('tolerance', { required: false, min: 0 });
			return;
		}
		const min = q.number('min');
		const max = q.number('max');
		if (min !== undefined && max !== undefined && min > max)
			q.src.error(q.node('min'), `"min" (${min}) is greater than "max" (${max})`);
	},
	matching(q) {
		readItems(q, 'pairs', 3, (p) => {
			p.onlyKeys(['id', 'prompt', 'match']);
			p.localised('prompt');
			p.localised('match');
		});
	},
	ordering(q) {
		readItems(q, 'items', 3, (i) => {
			i.onlyKeys(['id', 'text']);
			i.localised('text');
		});
	},
	essay(q) {
		q.number('minWords', { required: false, integer: true, min: 1 });
		q.number('minutes', { required: false, integer: true, min: 1 });
		q.localised('guidance', { required: false });
	},
	description() {
		// A description is text only: nothing beyond the common fields to read.
	}
};

/** An essay's `rubric`: unique ids, and points that add up to the question's points. */
function readRubric(q: YamlObject, points: number, required: boolean): void {
	if (!q.has('rubric')) {
		if (required) q.src.error(q.map, 'an assignment essay needs a "rubric"');
		return;
	}
	const scores = readItems(q, 'rubric', 1, (r) => {
		r.onlyKeys(['id', 'points', 'text']);
		r.localised('text');
		return r.number('points', { min: 0 });
	});
	if (!scores || scores.some((p) => p === undefined)) return;
	const sum = (scores as number[]).reduce((a, b) => a + b, 0);
	if (Math.abs(sum - points) > 1e-9)
		q.src.error(
			q.node('rubric'),
			`the rubric's points add up to ${sum}, the question is worth ${points}`
		);
}

/** A list of maps with unique ids and at least `min` entries; `read` checks each entry. */
function readItems<T>(
	q: YamlObject,
	key: string,
	min: number,
	read: (item: YamlObject) => T
): T[] | undefined {
	const nodes = q.list(key);
	if (!nodes) return undefined;
	if (nodes.length < min)
		q.src.error(q.node(key), `"${key}" needs at least ${min} entries, has ${nodes.length}`);
	const seen = new Map<string, Node>();
	const out: T[] = [];
	for (const node of nodes) {
		if (!isMap(node)) {
			q.src.error(node, `each entry of "${key}" must be a map with an id`);
			continue;
		}
		const item = new YamlObject(q.src, node);
		item.uniqueId(seen, `${key.replace(/s$/, '')} id`);
		out.push(read(item));
	}
	return out;
}
