// A roster goes in two steps: the preview shows what each row would do and writes nothing; the
// confirmation posts the same file back and writes it. The file travels in the page (no state
// kept on the server), so the confirmation carries a digest of the file *and* of the plan: if
// either changed since the preview (a member joined, an account was made meanwhile), nothing
// is written and the new preview is shown instead.
import { createHash } from 'node:crypto';
import type { Db, DbLike } from '../db/index.ts';
import type { Locale } from '../text/localised.ts';
import { parseRoster } from './roster-parse.ts';
import {
	applyRoster,
	countOutcomes,
	planRoster,
	type PasswordLinkToHand,
	type PlannedRow,
	type RosterCounts
} from './roster-apply.ts';

/** A spreadsheet of a few hundred people is far below; the page carries the file back. */
export const MAX_ROSTER_BYTES = 256 * 1024;
export const MAX_ROSTER_ROWS = 2000;

export type RosterPreview =
	| { ok: false; code: 'roster_unreadable' | 'roster_empty' | 'roster_too_large' }
	| { ok: true; rows: PlannedRow[]; counts: RosterCounts; digest: string; text: string };

/**
 * The file as a browser posts it back from a hidden field: no byte-order mark, and line ends
 * as one `\n` (HTML turns CR LF into LF in attributes, and forms send CR LF again).
 */
export const normaliseRosterText = (text: string): string =>
	text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

function digestOf(text: string, rows: PlannedRow[]): string {
	const plan = rows.map((r) => `${String(r.line)}:${r.outcome}:${r.userId ?? ''}`).join(',');
	return createHash('sha256').update(text).update('\n').update(plan).digest('hex');
}

/** What a file would do to the cohort, row by row; writes nothing. */
export function previewRoster(
	db: DbLike,
	{ cohortId, text: given }: { cohortId: number; text: string }
): RosterPreview {
	const text = normaliseRosterText(given);
	if (Buffer.byteLength(text, 'utf8') > MAX_ROSTER_BYTES)
		return { ok: false, code: 'roster_too_large' };
	const rows = parseRoster(db, text);
	if (!rows) return { ok: false, code: 'roster_unreadable' };
	if (rows.length === 0) return { ok: false, code: 'roster_empty' };
	if (rows.length > MAX_ROSTER_ROWS) return { ok: false, code: 'roster_too_large' };
	const planned = planRoster(db, { cohortId, rows });
	return {
		ok: true,
		rows: planned,
		counts: countOutcomes(planned),
		digest: digestOf(text, planned),
		text
	};
}

export type RosterConfirmation =
	| Exclude<RosterPreview, { ok: true }>
	| { ok: true; written: false; preview: Extract<RosterPreview, { ok: true }> }
	| { ok: true; written: true; counts: RosterCounts; links: PasswordLinkToHand[] };

/**
 * Writes the previewed file when it and its plan are what the trainer saw (`digest`); else
 * answers the fresh preview, unwritten.
 */
export function confirmRoster(
	db: Db,
	{
		actorId,
		cohortId,
		text,
		digest,
		locale,
		now = new Date()
	}: { actorId: string; cohortId: number; text: string; digest: string; locale: Locale; now?: Date }
): RosterConfirmation {
	const preview = previewRoster(db, { cohortId, text });
	if (!preview.ok) return preview;
	if (preview.digest !== digest) return { ok: true, written: false, preview };
	const rows = preview.rows.map(({ line, cells, person, problems }) => ({
		line,
		cells,
		person,
		problems
	}));
	const { counts, links } = applyRoster(db, { actorId, cohortId, rows, locale, now });
	return { ok: true, written: true, counts, links };
}
