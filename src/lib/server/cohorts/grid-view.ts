// How the dashboard's grid is sorted and filtered, from query parameters (plain links and a
// GET form, so it works without JavaScript). Unknown values fall back to the defaults.
import type { LearnerRow } from './overview.ts';

export const SORTS = ['name', 'last', 'progress'] as const;
export const FILTERS = ['all', 'risk', 'not-started', 'completed'] as const;
export type GridQuery = {
	sort: (typeof SORTS)[number];
	filter: (typeof FILTERS)[number];
	riskDays: number;
};

const pick = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
	list.includes(v as T) ? (v as T) : fallback;

export function readGridQuery(params: URLSearchParams): GridQuery {
	const days = Number(params.get('risk'));
	return {
		sort: pick(SORTS, params.get('sort'), 'name'),
		filter: pick(FILTERS, params.get('filter'), 'all'),
		riskDays: Number.isInteger(days) && days >= 1 && days <= 365 ? days : 14
	};
}

const lessonsDone = (r: LearnerRow) => r.cells.reduce((n, c) => n + c.lessonsDone, 0);

/** The rows to show, in order: the most recent activity or the most progress first. */
export function viewGrid(rows: LearnerRow[], q: GridQuery, locale: string): LearnerRow[] {
	const kept = rows.filter((r) =>
		q.filter === 'risk'
			? r.atRisk !== null
			: q.filter === 'not-started'
				? !r.started
				: q.filter === 'completed'
					? r.completed
					: true
	);
	const byName = new Intl.Collator(locale);
	const by: Record<GridQuery['sort'], (a: LearnerRow, b: LearnerRow) => number> = {
		name: (a, b) => byName.compare(a.name, b.name),
		last: (a, b) => (b.lastActivity?.getTime() ?? 0) - (a.lastActivity?.getTime() ?? 0),
		progress: (a, b) => lessonsDone(b) - lessonsDone(a)
	};
	return kept.sort((a, b) => by[q.sort](a, b) || byName.compare(a.name, b.name));
}
