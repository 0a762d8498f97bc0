import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/.bin/tsx');
const check = (...args: string[]) =>
	spawnSync(TSX, ['src/cli/courses-check.ts', ...args], { encoding: 'utf8' });

describe('npm run courses:check', () => {
	it('prints each problem as path:line:column: message and exits 1 on errors', () => {
		const run = check('tests/fixtures/courses/broken/broken-link');
		expect(run.status).toBe(1);
		const lines = run.stdout.trim().split('\n');
		expect(lines).toContain(
			'tests/fixtures/courses/broken/broken-link/01-intro/01-start.en.md:12:6: broken link: 02-next.en.md does not exist'
		);
		expect(lines.at(-1)).toBe(
			'1 course checked in tests/fixtures/courses/broken/broken-link: 1 error, 9 warnings'
		);
	});

	it('exits 0 when there are only warnings', () => {
		const run = check('tests/fixtures/courses/valid');
		expect(run.status).toBe(0);
		expect(run.stdout.trim().split('\n').at(-1)).toBe(
			'1 course checked in tests/fixtures/courses/valid: 0 errors, 20 warnings'
		);
	});

	it('checks courses/ when given no folder', () => {
		const run = check();
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^\d+ courses checked in courses: 0 errors/m);
	});
});
