// Every change to a quiz file goes through here: read the draft's text at the hash the editor
// loaded (optimistic locking, as for lessons), apply the edit, run the checker's rules, and
// write only when the edit brings no new error. A missing translation does not stop a save (the
// draft is where translations arrive later); publishing still refuses it.
import type { Db, DbLike } from '../../db/index.ts';
import { recordAudit } from '../../audit/log.ts';
import { DomainError } from '../../errors.ts';
import { draftText, saveDraftFile, sha256 } from '../draft-files.ts';
import { draftHash, hashOf } from '../lesson-draft.ts';
import { getYamlValue } from '../yaml-edit.ts';
import { checkQuizText, type QuizProblem } from './quiz-check.ts';
import { newQuizText } from './quiz-yaml.ts';

/** The quiz file's text, or a new quiz's when the module has none yet; with its hash. */
export function readQuizDraft(db: DbLike, { courseId, path }: { courseId: number; path: string }) {
	const text = draftText(db, courseId, path);
	const hash = hashOf(draftHash(db, { courseId, path }));
	if (text !== null) return { text, hash, exists: true };
	const moduleYaml = draftText(db, courseId, path.replace(/quiz\.yaml$/, 'module.yaml')) ?? '';
	return { text: newQuizText(getYamlValue(moduleYaml, ['title'])), hash, exists: false };
}

/** A missing translation is work for later, not a broken question. */
export const isMissingTranslation = (p: Pick<QuizProblem, 'message'>): boolean =>
	/^"[^"]+" is missing locale "[a-z]{2}"$/.test(p.message);

const blocking = (p: QuizProblem) => p.severity === 'error' && !isMissingTranslation(p);
// Line numbers move with an edit; the same rule broken in the same words is the same problem.
const sameProblem = (p: QuizProblem) => p.message.replace(/\bline \d+/g, 'line');

/** Errors in `after` that `before` did not have, and every error of question `question`. */
export function newErrors(
	before: QuizProblem[],
	after: QuizProblem[],
	question: number | null
): QuizProblem[] {
	const old = before.filter(blocking).map(sameProblem);
	return after.filter(blocking).filter((p) => {
		if (question !== null && p.question === question) return true;
		const at = old.indexOf(sameProblem(p));
		if (at < 0) return true;
		old.splice(at, 1);
		return false;
	});
}

export type QuizWrite =
	| { ok: true; hash: string; problems: QuizProblem[] }
	/** `refused`: the errors the edit would bring (nothing was written). */
	| { ok: false; refused: QuizProblem[] };

/**
 * Applies `edit` to the quiz file `path` and saves it, unless the file changed since
 * `expectedHash` (DomainError `draft_changed`) or the result has new errors (`ok: false`).
 */
export function writeQuiz(
	db: Db,
	{
		actorId,
		courseId,
		path,
		expectedHash,
		edit,
		action,
		now = new Date()
	}: {
		actorId: string;
		courseId: number;
		path: string;
		expectedHash: string;
		/** The new text; with the index of the question it is about, that question's errors all count. */
		edit: (text: string) => string | { text: string; question: number };
		/** What the audit log says was done (`question.save`, `question.delete`, …). */
		action: string;
		now?: Date;
	}
): QuizWrite {
	return db.transaction(
		(tx) => {
			if (expectedHash !== hashOf(draftHash(tx, { courseId, path })))
				throw new DomainError('draft_changed');
			const { text: before, exists } = readQuizDraft(tx, { courseId, path });
			const edited = edit(before);
			const { text, question } =
				typeof edited === 'string' ? { text: edited, question: null } : edited;
			const problems = checkQuizText(tx, { courseId, path, text });
			const was = exists ? checkQuizText(tx, { courseId, path, text: before }) : [];
			const refused = newErrors(was, problems, question);
			if (refused.length > 0) return { ok: false, refused } as const;
			saveDraftFile(tx, { courseId, path, text, actorId, now });
			recordAudit(
				tx,
				{
					actorId,
					action: 'studio.draft.save',
					subjectType: 'course',
					subjectId: String(courseId),
					details: { path, created: !exists, change: action }
				},
				now
			);
			return { ok: true, hash: sha256(text), problems } as const;
		},
		{ behavior: 'immediate' }
	);
}
