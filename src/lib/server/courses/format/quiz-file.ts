import { isMap, type Node, type YAMLMap } from 'yaml';
import type { Report } from './problems.ts';
import type { Locale } from '../../text/localised.ts';
import type { IdnumberRegistry } from './question-labels.ts';
import { readQuestion } from './questions.ts';
import type { Question, Quiz, QuizSettings } from '../types.ts';
import { YamlObject } from './yaml-object.ts';
import { readYamlFile, type YamlSource } from './yaml-source.ts';

const KEYS = [
	'title',
	'passMark',
	'attempts',
	'cooldownMinutes',
	'timeLimitMinutes',
	'shuffleQuestions',
	'shuffleOptions',
	'draw',
	'feedback',
	'showAnswers',
	'mastery',
	'questions'
];

/**
 * Reads quiz.yaml or final.yaml; `null` when the file is absent or unusable. `idnumbers` is
 * shared by the course's quiz files, which together must not repeat an idnumber.
 */
export function readQuizFile(
	file: string,
	report: Report,
	{
		slug,
		locales,
		idnumbers = null,
		assignment = false
	}: {
		slug: string;
		locales: readonly Locale[];
		idnumbers?: IdnumberRegistry | null;
		/** assignment.yaml: exactly one essay, with a rubric, and no attempt limit. */
		assignment?: boolean;
	}
): Quiz | null {
	const read = readYamlFile(file, report, locales);
	if (!read?.root) return null;
	return readQuizMap(read.source, read.root, { slug, idnumbers, assignment });
}

/** Checks a quiz file already parsed (the studio checks a draft's text without a file on disk). */
export function readQuizMap(
	source: YamlSource,
	root: YAMLMap,
	{
		slug,
		idnumbers = null,
		assignment = false
	}: { slug: string; idnumbers?: IdnumberRegistry | null; assignment?: boolean }
): Quiz {
	const { file, locales } = source;
	const o = new YamlObject(source, root);
	o.onlyKeys(KEYS);
	const settings = readSettings(o);
	const questions = readQuestions(o, idnumbers, assignment);
	if (assignment) checkAssignment(o, settings);
	const first = locales[0];
	if (first) warnLongestKeyed(o, questions, first);
	const pool = questions.filter((q) => q.type !== 'description').length;
	if (settings.draw !== null && settings.draw > pool) {
		o.src.error(
			o.node('draw'),
			`"draw" is ${settings.draw} but the quiz has only ${pool} question${pool === 1 ? '' : 's'} to draw from`
		);
	}
	return { slug, file, settings, questions };
}

function readSettings(o: YamlObject): QuizSettings {
	const count = (key: string) => o.number(key, { required: false, integer: true, min: 0 }) ?? 0;
	return {
		title: o.localised('title') ?? {},
		passMark: o.number('passMark', { required: false, min: 0, max: 100 }) ?? null,
		attempts: count('attempts'),
		cooldownMinutes: count('cooldownMinutes'),
		timeLimitMinutes: count('timeLimitMinutes'),
		shuffleQuestions: o.boolean('shuffleQuestions', { required: false }) ?? true,
		shuffleOptions: o.boolean('shuffleOptions', { required: false }) ?? true,
		draw: o.number('draw', { required: false, integer: true, min: 1 }) ?? null,
		feedback:
			o.oneOf('feedback', ['after-submit', 'immediate'], { required: false }) ?? 'after-submit',
		showAnswers:
			o.oneOf('showAnswers', ['after-submit', 'after-pass', 'never'], { required: false }) ??
			'after-submit',
		mastery: readMastery(o)
	};
}

function readMastery(o: YamlObject): QuizSettings['mastery'] {
	const m = o.object('mastery', { required: false });
	if (!m) return null;
	m.onlyKeys(['of', 'correct']);
	const of = m.number('of', { integer: true, min: 1 });
	const correct = m.number('correct', { integer: true, min: 1 });
	if (of === undefined || correct === undefined) return null;
	if (correct > of)
		m.src.error(
			m.node('correct'),
			`"mastery.correct" (${correct}) cannot be more than "mastery.of" (${of})`
		);
	return { of, correct };
}

/** An assignment is one essay a trainer grades, open to as many submissions as needed. */
function checkAssignment(o: YamlObject, settings: QuizSettings): void {
	// Types as written, so a question with an error of its own still counts here.
	const types = (o.list('questions', { required: false }) ?? []).flatMap((n) => {
		const type: unknown = isMap(n) ? n.get('type') : undefined;
		return type === 'description' ? [] : [String(type)];
	});
	if (types.length !== 1 || types[0] !== 'essay')
		o.src.error(
			o.node('questions') ?? o.map,
			`assignment.yaml must have exactly one essay question (has ${types.length} question${types.length === 1 ? '' : 's'}: ${types.join(', ') || 'none'})`
		);
	if (settings.attempts !== 0)
		o.src.error(o.node('attempts'), 'an assignment takes "attempts: 0" (no limit)');
}

/** When most keys are the longest option, a learner can pass without reading: a warning. */
function warnLongestKeyed(o: YamlObject, questions: Question[], locale: Locale): void {
	const singles = questions.filter((q) => q.type === 'single');
	const keyedLongest = singles.filter((q) => {
		const options = (q.body.options ?? []) as {
			text?: Record<string, unknown>;
			correct?: unknown;
		}[];
		const length = (opt: (typeof options)[number]) => {
			const text = opt.text?.[locale];
			return typeof text === 'string' ? Array.from(text.trim()).length : 0;
		};
		const key = options.find((opt) => opt.correct === true);
		if (!key) return false;
		return options.every((opt) => opt === key || length(opt) < length(key));
	}).length;
	if (singles.length > 0 && keyedLongest * 2 > singles.length)
		o.src.warn(
			o.node('questions') ?? o.map,
			`the correct option is the longest in ${keyedLongest} of ${singles.length} single-choice questions (${locale}): vary the lengths`
		);
}

function readQuestions(
	o: YamlObject,
	idnumbers: IdnumberRegistry | null,
	rubricRequired: boolean
): Question[] {
	const nodes = o.list('questions') ?? [];
	if (o.has('questions') && nodes.length === 0)
		o.src.error(o.node('questions'), '"questions" must list at least one question');
	const out: Question[] = [];
	const seen = new Map<string, Node>();
	for (const node of nodes) {
		if (!isMap(node)) {
			o.src.error(node, 'each question must be a map with id, type and prompt');
			continue;
		}
		const q = new YamlObject(o.src, node);
		const question = readQuestion(q, idnumbers, { rubricRequired });
		const fresh = q.uniqueId(seen, 'question id', { required: false });
		if (question && fresh) out.push(question);
	}
	return out;
}
