import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// A copy of a shipped course in a temp folder, so the command can write to it.
function workspace() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-import-'));
	fs.cpSync(
		path.resolve('courses/participatory-governance'),
		path.join(dir, 'participatory-governance'),
		{ recursive: true }
	);
	return dir;
}
const run = (args: string[]) =>
	spawnSync('node_modules/.bin/tsx', ['src/cli/questions-import.ts', ...args], {
		encoding: 'utf8'
	});

describe('npm run questions:import', () => {
	it('appends the questions of a GIFT file to a module quiz, in one locale', () => {
		const dir = workspace();
		const gift = path.join(dir, 'bank.gift');
		fs.writeFileSync(
			gift,
			[
				'// Exported from Moodle',
				'$CATEGORY: $course$/Participation',
				'',
				"::Échelle::Qui a proposé l'échelle de la participation citoyenne en 1969 ? {=Sherry Arnstein ~Elinor Ostrom#Non ~Robert Putnam#Non}",
				'',
				'::Budget::Le budget participatif est né à Porto Alegre. {T}',
				'',
				'::Année::En quelle année est née la démarche de Porto Alegre ? {#1989:0}',
				''
			].join('\n')
		);
		const quizFile = path.join(
			dir,
			'participatory-governance/02-levels-of-participation/quiz.yaml'
		);
		const before = (parse(fs.readFileSync(quizFile, 'utf8')) as { questions: unknown[] }).questions
			.length;
		const r = run([
			'--course',
			'participatory-governance',
			'--module',
			'levels-of-participation',
			'--locale',
			'fr',
			'--dir',
			dir,
			gift
		]);
		const after = parse(fs.readFileSync(quizFile, 'utf8')) as {
			questions: { id: string; prompt: Record<string, string> }[];
		};
		expect(after.questions.length).toBe(before + 3);
		const added = after.questions.slice(before);
		expect(added.every((q) => typeof q.prompt.fr === 'string' && q.prompt.ar === undefined)).toBe(
			true
		);
		expect(new Set(after.questions.map((q) => q.id)).size).toBe(after.questions.length);
		// Imported questions exist in French only: the checker says which translations are missing.
		expect(r.stdout + r.stderr).toMatch(/quiz\.yaml:\d+:\d+: .*\bar\b/);
	});

	it("appends Moodle's idnumber and tags, and refuses to import the same idnumber twice", () => {
		const dir = workspace();
		const gift = path.join(dir, 'labelled.gift');
		fs.writeFileSync(
			gift,
			[
				'// question: 7  name: Budget',
				'// [id:PG-BUD-1] [tag:budget participatif] [tag:niveau-1]',
				'::Budget::Le budget participatif est né à Porto Alegre. {T}',
				''
			].join('\n')
		);
		const quizFile = path.join(
			dir,
			'participatory-governance/02-levels-of-participation/quiz.yaml'
		);
		const args = [
			'--course',
			'participatory-governance',
			'--module',
			'levels-of-participation',
			'--dir',
			dir,
			gift
		];
		run(args);
		const written = fs.readFileSync(quizFile, 'utf8');
		const added = (
			parse(written) as { questions: { id: string; idnumber?: string; tags?: string[] }[] }
		).questions.at(-1);
		expect(added).toMatchObject({
			id: 'budget',
			idnumber: 'PG-BUD-1',
			tags: ['budget participatif', 'niveau-1']
		});

		const again = run(args);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain(`${gift}: idnumber "PG-BUD-1" is already used in`);
		expect(fs.readFileSync(quizFile, 'utf8')).toBe(written);
	});

	it('imports an Aiken file', () => {
		const dir = workspace();
		run([
			'--course',
			'participatory-governance',
			'--module',
			'foundations',
			'--locale',
			'en',
			'--format',
			'aiken',
			'--dir',
			dir,
			'tests/fixtures/quiz/valid.aiken.txt'
		]);
		const quiz = parse(
			fs.readFileSync(path.join(dir, 'participatory-governance/01-foundations/quiz.yaml'), 'utf8')
		) as { questions: { type: string; prompt: Record<string, string> }[] };
		expect(quiz.questions.some((q) => q.type === 'single' && q.prompt.en)).toBe(true);
	});

	it('refuses to drop what our format cannot hold (partial credit on a short answer) and says where', () => {
		const dir = workspace();
		const quizFile = path.join(
			dir,
			'participatory-governance/02-levels-of-participation/quiz.yaml'
		);
		const original = fs.readFileSync(quizFile, 'utf8');
		const r = run([
			'--course',
			'participatory-governance',
			'--module',
			'levels-of-participation',
			'--locale',
			'fr',
			'--dir',
			dir,
			'tests/fixtures/quiz/moodle-bank.gift'
		]);
		expect(r.status).toBe(1);
		expect(r.stdout + r.stderr).toMatch(/moodle-bank\.gift:\d+: .*partial credit/);
		expect(fs.readFileSync(quizFile, 'utf8')).toBe(original);
	});

	it('reports a broken file as FILE:line: message and writes nothing', () => {
		const dir = workspace();
		const quizFile = path.join(
			dir,
			'participatory-governance/02-levels-of-participation/quiz.yaml'
		);
		const original = fs.readFileSync(quizFile, 'utf8');
		const r = run([
			'--course',
			'participatory-governance',
			'--module',
			'levels-of-participation',
			'--locale',
			'fr',
			'--dir',
			dir,
			'tests/fixtures/quiz/broken.gift'
		]);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/tests\/fixtures\/quiz\/broken\.gift:\d+: \S/);
		expect(fs.readFileSync(quizFile, 'utf8')).toBe(original);
	});

	it('refuses an unknown module with a readable message', () => {
		const r = run([
			'--course',
			'participatory-governance',
			'--module',
			'nope',
			'--dir',
			workspace(),
			'tests/fixtures/quiz/moodle-bank.gift'
		]);
		expect(r.status).not.toBe(0);
		expect(r.stderr).toMatch(/nope/);
	});
});
