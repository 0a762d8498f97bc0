import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourses, formatProblem } from '../../../src/lib/server/courses/format/check.ts';

describe('checkCourses', () => {
	it('passes every course shipped in courses/ with zero errors', () => {
		const result = checkCourses('courses');
		const errors = result.problems
			.filter((p) => p.severity === 'error')
			.map((p) => formatProblem(p, process.cwd()));
		expect(errors).toEqual([]);
		expect(result.courses).toBeGreaterThanOrEqual(3);
	});

	it('checks a single course folder as well as a folder of courses', () => {
		expect(checkCourses('tests/fixtures/courses/valid/local-budgets')).toMatchObject({
			courses: 1,
			errors: 0
		});
		expect(checkCourses('tests/fixtures/courses/valid')).toMatchObject({ courses: 1, errors: 0 });
	});

	it('says so when the folder does not exist', () => {
		const result = checkCourses('tests/fixtures/courses/nowhere');
		expect(result.errors).toBe(1);
		expect(result.problems[0]!.message).toBe('not a folder');
	});
});

describe('formatProblem', () => {
	it('prints path:line:column relative to the working folder, and marks warnings', () => {
		const file = path.resolve('courses/x/course.yaml');
		expect(
			formatProblem({ file, line: 3, column: 7, message: 'bad', severity: 'error' }, process.cwd())
		).toBe('courses/x/course.yaml:3:7: bad');
		expect(
			formatProblem(
				{ file, line: 1, column: 1, message: 'hm', severity: 'warning' },
				path.resolve('courses')
			)
		).toBe('x/course.yaml:1:1: warning: hm');
	});
});
