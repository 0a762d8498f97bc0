// course.yaml `impact:` opts a course into its public impact page; anything else is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lib/server/courses/format/load.ts';
import { copyValidCourse, type CourseCopy } from '../../helpers/course-fixture.ts';

let copy: CourseCopy | undefined;
afterEach(() => copy?.remove());

const withImpact = (line: string) => {
	copy = copyValidCourse();
	const file = path.join(copy.dir, 'course.yaml');
	fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8').trimEnd()}\n${line}\n`);
	return loadCourse(copy.dir);
};

describe('course.yaml impact', () => {
	it('is private when absent, public when the course opts in', () => {
		expect(withImpact('').course?.meta.impact).toBe('private');
		const loaded = withImpact('impact: public');
		expect(loaded.errors).toBe(0);
		expect(loaded.course?.meta.impact).toBe('public');
	});

	it('refuses any other value, with the file and line', () => {
		const loaded = withImpact('impact: yes');
		const errors = loaded.problems.filter((p) => p.severity === 'error').map((p) => p.message);
		expect(errors.some((e) => e.includes('"impact" must be one of public, private'))).toBe(true);
	});
});
