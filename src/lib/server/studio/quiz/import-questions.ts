// A GIFT or Aiken file into a quiz of the draft: the same parsers and converter as
// `questions:import`, then the checker's rules on the quiz as it would be. What passes is
// imported; what does not is refused with its line in the uploaded file and the reason.
import type { Db, DbLike } from '../../db/index.ts';
import { DomainError } from '../../errors.ts';
import type { Locale } from '../../text/localised.ts';
import { parseAiken } from '../../quiz/formats/aiken.ts';
import { parseGift } from '../../quiz/formats/gift.ts';
import { toCourseQuestions } from '../../quiz/formats/convert.ts';
import { checkQuizText } from './quiz-check.ts';
import { appendQuestions, readQuestions, type QuestionBody } from './quiz-yaml.ts';
import { newErrors, writeQuiz, type QuizWrite } from './quiz-write.ts';

export const IMPORT_FORMATS = ['gift', 'aiken'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** The largest question file taken (a 500-question GIFT bank is about 200 kB). */
export const MAX_IMPORT_CHARS = 1_000_000;

export type ImportPlan = {
	imported: { line: number; id: string; type: string; prompt: string; notes: string[] }[];
	refused: { line: number; messages: string[] }[];
	/** The quiz file with the imported questions appended. */
	text: string;
};

type ImportInput = {
	courseId: number;
	path: string;
	source: string;
	format: ImportFormat;
	locale: Locale;
};

/** What importing `source` into the quiz text `base` would import and refuse, and the result. */
export function planImport(
	db: DbLike,
	{ base, ...input }: ImportInput & { base: string }
): ImportPlan {
	if (input.source.length > MAX_IMPORT_CHARS) throw new DomainError('too_long', 'file');
	const parsed = (input.format === 'gift' ? parseGift : parseAiken)(input.source);
	const refused = parsed.errors.map((e) => ({ line: e.line, messages: [e.message] }));
	let candidates = parsed.questions.flatMap((q) => {
		const { questions, problems } = toCourseQuestions([q], { locale: input.locale });
		const notes = problems.map((p) => p.message);
		const [body] = questions;
		if (!body) refused.push({ line: q.line, messages: notes });
		return body ? [{ line: q.line, body: body.body, notes }] : [];
	});
	const existing = readQuestions(base).length;
	const before = checkQuizText(db, { courseId: input.courseId, path: input.path, text: base });
	// A question the checker refuses goes; the others are checked again without it.
	for (let round = 0; round < 3; round++) {
		const { text } = appendQuestions(
			base,
			candidates.map((c) => c.body)
		);
		const after = checkQuizText(db, { courseId: input.courseId, path: input.path, text });
		const bad = new Map<number, string[]>();
		for (const p of newErrors(before, after, null)) {
			const at = (p.question ?? -1) - existing;
			if (at >= 0) bad.set(at, [...(bad.get(at) ?? []), p.message]);
		}
		if (bad.size === 0) break;
		for (const [at, messages] of bad) {
			const c = candidates[at];
			if (c) refused.push({ line: c.line, messages });
		}
		candidates = candidates.filter((_, i) => !bad.has(i));
	}
	const { text, ids } = appendQuestions(
		base,
		candidates.map((c) => c.body)
	);
	return {
		imported: candidates.map((c, i) => ({
			line: c.line,
			id: ids[i] ?? '',
			type: String(c.body.type),
			prompt: promptText(c.body, [input.locale]),
			notes: c.notes
		})),
		refused: refused.sort((a, b) => a.line - b.line),
		text
	};
}

/** Imports into the draft's quiz what `planImport` would (a quiz changed since is refused). */
export function importQuestions(
	db: Db,
	{ actorId, expectedHash, ...input }: ImportInput & { actorId: string; expectedHash: string }
): QuizWrite & { plan: ImportPlan | null } {
	let plan: ImportPlan | null = null;
	const written = writeQuiz(db, {
		actorId,
		courseId: input.courseId,
		path: input.path,
		expectedHash,
		action: `question.import.${input.format}`,
		edit: (base) => {
			plan = planImport(db, { ...input, base });
			if (plan.imported.length === 0) throw new DomainError('nothing_to_import', 'file');
			return plan.text;
		}
	});
	return { ...written, plan };
}

/** A question's prompt in the first of `order` it has, else in any language. */
export function promptText(body: QuestionBody, order: readonly string[]): string {
	const prompt = body.prompt;
	if (prompt === null || typeof prompt !== 'object') return '';
	const map = prompt as Record<string, unknown>;
	for (const l of [...order, ...Object.keys(map)]) if (typeof map[l] === 'string') return map[l];
	return '';
}
