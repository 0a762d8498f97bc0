// Order is in the file names (`01-`, `02-`, …): moving a module or a lesson swaps the number
// of its files with its neighbour's, as someone editing `courses/` by hand would, and rewrites
// the lesson links that pointed at the renamed files (the checker refuses broken links).
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { draftFile, type DraftFile } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { draftRows, lessonFileParts, sha256, sourceLocale } from './draft-files.ts';

export type Direction = 'up' | 'down';

/** Moves module folder `item` (`02-budgets`) or lesson `item` (`02-budgets/01-intro`) one place. */
export function moveItem(
	db: Db,
	{
		actorId,
		courseId,
		item,
		direction,
		now = new Date()
	}: { actorId: string; courseId: number; item: string; direction: Direction; now?: Date }
): void {
	const rows = draftRows(db, courseId);
	const isModule = !item.includes('/');
	const folder = isModule ? '' : item.slice(0, item.indexOf('/') + 1);
	const names = siblings(rows, isModule, folder);
	const own = item.slice(folder.length);
	const at = names.indexOf(own);
	if (at < 0) throw new DomainError('not_found');
	const other = names[direction === 'up' ? at - 1 : at + 1];
	if (other === undefined) return;
	const swap = new Map([
		[folder + own, folder + other.slice(0, 2) + own.slice(2)],
		[folder + other, folder + own.slice(0, 2) + other.slice(2)]
	]);
	const renamed = (p: string): string => {
		for (const [from, to] of swap) {
			const sep = isModule ? '/' : '.';
			if (p.startsWith(from + sep)) return to + p.slice(from.length);
		}
		return p;
	};
	const next = rows.map((r) => {
		const to = renamed(r.path);
		const text = Buffer.from(r.content).toString('utf8');
		const content = r.path.endsWith('.md') ? relink(text, r.path, to, renamed) : text;
		return { row: r, path: to, content: Buffer.from(content, 'utf8') };
	});
	keepTranslationsCurrent(rows, next);
	db.transaction((tx) => {
		tx.delete(draftFile).where(eq(draftFile.courseId, courseId)).run();
		for (const n of next) {
			const changed = n.path !== n.row.path || !n.content.equals(Buffer.from(n.row.content));
			tx.insert(draftFile)
				.values({
					...n.row,
					path: n.path,
					content: n.content,
					hash: sha256(n.content),
					...(changed ? { updatedBy: actorId, updatedAt: now } : {})
				})
				.run();
		}
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.draft.move',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { item, direction }
			},
			now
		);
	});
}

/** Module folders, or the lesson stems of one module, in file-name order. */
function siblings(rows: DraftFile[], isModule: boolean, folder: string): string[] {
	const names = rows.flatMap((r) => {
		if (isModule) {
			const dir = /^(?<dir>\d{2}-[a-z0-9-]+)\/module\.yaml$/.exec(r.path)?.groups?.dir;
			return dir ? [dir] : [];
		}
		const stem = lessonFileParts(r.path)?.stem;
		return stem?.startsWith(folder) ? [stem.slice(folder.length)] : [];
	});
	return [...new Set(names)].sort();
}

/** Markdown link targets `](x)` that named a renamed file, pointed at its new name. */
function relink(text: string, from: string, to: string, renamed: (p: string) => string): string {
	return text.replace(
		/\]\((?<target>[^)\s#]+)(?<rest>[^)]*)\)/g,
		(whole, target: string, rest: string) => {
			if (/^[a-z]+:/i.test(target) || target.startsWith('/')) return whole;
			const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
			const moved = renamed(resolved);
			if (moved === resolved && to === from) return whole;
			let rel = path.posix.relative(path.posix.dirname(to), moved);
			if (target.startsWith('./') && !rel.startsWith('.')) rel = `./${rel}`;
			return `](${rel}${rest})`;
		}
	);
}

// A translation that was up to date stays so when only the links of its source were rewritten.
function keepTranslationsCurrent(
	rows: DraftFile[],
	next: { row: DraftFile; path: string; content: Buffer }[]
): void {
	const source = sourceLocale(new Map(rows.map((r) => [r.path, Buffer.from(r.content)])));
	const byOld = new Map(next.map((n) => [n.row.path, n]));
	for (const n of next) {
		const parts = lessonFileParts(n.row.path);
		if (!parts || parts.locale === source) continue;
		const src = byOld.get(`${parts.stem}.${source}.md`);
		// (A translation whose source is gone has a null hash that matches nothing.)
		if (src && n.row.sourceHash !== null && n.row.sourceHash === src.row.hash)
			n.row = { ...n.row, sourceHash: sha256(src.content) };
	}
}
