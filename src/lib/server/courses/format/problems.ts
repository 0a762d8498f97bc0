/** One thing wrong (or worth a look) in a course's files, with where it is. */
export type Problem = {
	/** Absolute path of the file. */
	file: string;
	line: number;
	column: number;
	message: string;
	severity: 'error' | 'warning';
};

export type Position = { line: number; column: number };

export const START: Position = { line: 1, column: 1 };

/** Collects problems while a course is read, so one run reports all of them, not the first. */
export class Report {
	readonly problems: Problem[] = [];

	error(file: string, at: Position, message: string): void {
		this.problems.push({ file, ...at, message, severity: 'error' });
	}

	warn(file: string, at: Position, message: string): void {
		this.problems.push({ file, ...at, message, severity: 'warning' });
	}

	get errorCount(): number {
		return this.problems.filter((p) => p.severity === 'error').length;
	}
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
	);
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
