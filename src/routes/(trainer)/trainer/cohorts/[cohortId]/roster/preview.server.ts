import type { RosterPreview } from '$lib/server/cohorts/roster-preview';
import { errorText } from '$lib/i18n/errors.server';

/** A preview as the page shows it: each row's cells and problems in words, and the file to post back. */
export function shownPreview(preview: Extract<RosterPreview, { ok: true }>) {
	return {
		counts: preview.counts,
		digest: preview.digest,
		content: preview.text,
		rows: preview.rows.map((r) => ({
			line: r.line,
			name: r.person?.name ?? r.cells[0] ?? '',
			email: r.person?.email ?? r.cells[1] ?? '',
			outcome: r.outcome,
			problems: r.problems.map((code) => errorText(code))
		}))
	};
}
