// What publishing the draft would change, against the published snapshot (published-files.ts):
// lessons by language with their line diff, questions by id and language, other files by path.
import { diffLines } from 'diff';
import type { DbLike } from '../db/index.ts';
import type { Locale } from '../text/localised.ts';
import { draftRows, lessonFileParts, sha256 } from './draft-files.ts';
import { readLessonFields } from './lesson-edit.ts';
import { publishedFiles } from './published-files.ts';
import { compareQuestions, questionsOf, type QuestionChange } from './question-changes.ts';

export type ChangeKind = 'added' | 'removed' | 'changed';
/** A run of lines: `same` runs are cut to a little context around the changes. */
export type DiffPart = { kind: 'added' | 'removed' | 'same'; text: string };
export type LessonChange = {
	path: string;
	stem: string;
	locale: Locale;
	title: string;
	kind: ChangeKind;
	/** Null when the published text is not known (a snapshot older than this feature). */
	parts: DiffPart[] | null;
};
export type QuizChange = { path: string; kind: ChangeKind; questions: QuestionChange[] };
export type DraftChanges = {
	lessons: LessonChange[];
	quizzes: QuizChange[];
	files: { path: string; kind: ChangeKind }[];
	/** Every language a changed lesson or question touches. */
	languages: Locale[];
};
type Before = ReadonlyMap<string, { hash: string; content: Buffer | null }>;

const CONTEXT = 2;
const utf8 = (b: Buffer | null | undefined) => (b ? b.toString('utf8') : null);

/** Line diff of two texts, unchanged stretches cut to `CONTEXT` lines around each change. */
export function lineDiff(before: string, after: string): DiffPart[] {
	const parts = diffLines(before, after);
	return parts.flatMap((p, i): DiffPart[] => {
		if (p.added || p.removed) return [{ kind: p.added ? 'added' : 'removed', text: p.value }];
		const lines = p.value.replace(/\n$/, '').split('\n');
		const head = i === 0 ? 0 : CONTEXT;
		const tail = i === parts.length - 1 ? 0 : CONTEXT;
		if (lines.length <= head + tail + 1) return [{ kind: 'same', text: p.value }];
		const keep = [...lines.slice(0, head), '…', ...(tail ? lines.slice(-tail) : [])];
		return [{ kind: 'same', text: `${keep.join('\n')}\n` }];
	});
}

/** Compares the published files with the draft's (pure: both given by path). */
export function compareFiles(before: Before, after: ReadonlyMap<string, Buffer>): DraftChanges {
	const out: DraftChanges = { lessons: [], quizzes: [], files: [], languages: [] };
	const paths = [...new Set([...after.keys(), ...before.keys()])].sort();
	const touched = new Set<Locale>();
	for (const path of paths) {
		const old = before.get(path);
		const now = after.get(path);
		if (old && now && old.hash === sha256(now)) continue;
		const kind: ChangeKind = !old ? 'added' : !now ? 'removed' : 'changed';
		const oldText = utf8(old?.content);
		const lesson = lessonFileParts(path);
		if (lesson) {
			const newText = utf8(now);
			const known = kind === 'added' || oldText !== null;
			out.lessons.push({
				path,
				...lesson,
				kind,
				title: readLessonFields(newText ?? oldText ?? '').title,
				parts: known ? lineDiff(oldText ?? '', newText ?? '') : null
			});
			touched.add(lesson.locale);
		} else if (questionsOf(oldText).size > 0 || questionsOf(utf8(now)).size > 0) {
			const questions = compareQuestions(oldText, utf8(now));
			out.quizzes.push({ path, kind, questions });
			for (const q of questions) for (const l of q.languages) touched.add(l);
		} else out.files.push({ path, kind });
	}
	out.languages = [...touched].sort();
	return out;
}

/**
 * The draft against the course's published snapshot (everything is new before a first
 * publication). A draft older than the snapshots knows its published files by hash only.
 */
export function draftChanges(
	db: DbLike,
	{ courseId, published }: { courseId: number; published: boolean }
): DraftChanges {
	const rows = draftRows(db, courseId);
	const after = new Map(rows.map((r) => [r.path, Buffer.from(r.content)]));
	let before: Before = published ? publishedFiles(db, courseId) : new Map();
	if (published && before.size === 0)
		before = new Map(
			rows.flatMap((r) =>
				r.baseHash === null
					? []
					: [
							[
								r.path,
								{ hash: r.baseHash, content: r.baseHash === r.hash ? Buffer.from(r.content) : null }
							]
						]
			)
		);
	return compareFiles(before, after);
}
