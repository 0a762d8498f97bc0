import fs from 'node:fs';
import path from 'node:path';
import { findCourseDirs, loadCourse } from './load.ts';
import type { Problem } from './problems.ts';

export type CheckResult = {
	courses: number;
	errors: number;
	warnings: number;
	problems: Problem[];
};

/** Checks every course at `dir` (one course folder, or a folder of them). */
export function checkCourses(dir: string): CheckResult {
	if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
		const problem: Problem = {
			file: path.resolve(dir),
			line: 1,
			column: 1,
			message: 'not a folder',
			severity: 'error'
		};
		return { courses: 0, errors: 1, warnings: 0, problems: [problem] };
	}
	const problems = findCourseDirs(dir).map(loadCourse);
	const all = problems.flatMap((c) => c.problems);
	const errors = all.filter((p) => p.severity === 'error').length;
	return { courses: problems.length, errors, warnings: all.length - errors, problems: all };
}

/** `path:line:column: message`, the path relative to `cwd`; warnings say so. */
export function formatProblem(p: Problem, cwd: string): string {
	const where = `${path.relative(cwd, p.file) || '.'}:${p.line}:${p.column}`;
	return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
