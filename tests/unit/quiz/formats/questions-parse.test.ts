import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(...args: string[]) {
	const result = spawnSync('node_modules/.bin/tsx', ['src/cli/questions-parse.ts', ...args], {
		encoding: 'utf8'
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('questions:parse', () => {
	it('prints the parsed GIFT questions as a JSON array and exits 0', () => {
		const { code, stdout, stderr } = run(
			'--format',
			'gift',
			'tests/fixtures/quiz/every-construct.gift'
		);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const questions = JSON.parse(stdout) as { type: string; name: string; category: string }[];
		expect(questions).toHaveLength(16);
		expect(questions[0]).toMatchObject({
			type: 'single',
			name: 'mc-single',
			category: 'tamkeen/constructs'
		});
	});

	it('reads Aiken files too', () => {
		const { code, stdout } = run('--format', 'aiken', 'tests/fixtures/quiz/valid.aiken.txt');
		expect(code).toBe(0);
		expect(JSON.parse(stdout)).toHaveLength(3);
	});

	it('prints each problem as FILE:line: message on stderr and exits 1', () => {
		const file = 'tests/fixtures/quiz/broken.aiken.txt';
		const { code, stdout, stderr } = run('--format', 'aiken', file);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr.trim().split('\n')).toEqual([
			`${file}:3: option letter C is out of order: expected B`,
			`${file}:6: question has no 'ANSWER:' line`,
			`${file}:10: too few options: a question needs at least 2, has 1`,
			`${file}:17: ANSWER letter D is not among the options A-B`
		]);
	});

	it('explains its usage when the format or the file is wrong', () => {
		expect(run('--format', 'qti', 'x.xml')).toMatchObject({ code: 2 });
		expect(run('--format', 'gift').stderr).toContain('usage: questions:parse');
		expect(run('--format', 'gift', 'tests/fixtures/quiz/nowhere.gift')).toMatchObject({
			code: 2,
			stderr: 'tests/fixtures/quiz/nowhere.gift: cannot read the file\n'
		});
	});
});
