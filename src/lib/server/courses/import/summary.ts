import { formatProblem } from '../format/check.ts';
import type { ImportResult } from './import-courses.ts';

const SAID: Record<ImportResult['status'], string> = {
	created: 'created',
	updated: 'updated to a new version',
	unchanged: 'unchanged',
	skipped: 'skipped',
	'studio-protected': 'edited in the studio: recorded as a draft version, current content kept',
	archived: 'archived (its folder is gone)'
};

/** One line per course, then its errors when it was skipped: what the CLI and the server log print. */
export function formatImportResult(r: ImportResult, cwd: string): string {
	const version = r.version ? ` ${r.version}` : '';
	const head = `course ${r.slug}${version}: ${SAID[r.status]}${r.status === 'skipped' ? ` (${r.errors} error${r.errors === 1 ? '' : 's'})` : ''}`;
	const errors =
		r.status === 'skipped'
			? r.problems.filter((p) => p.severity === 'error').map((p) => `  ${formatProblem(p, cwd)}`)
			: [];
	return [head, ...errors].join('\n');
}
