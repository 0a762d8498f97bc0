import { describe, expect, it } from 'vitest';
import { Report } from '../../../../src/lib/server/courses/format/problems.ts';
import { readQuizFile } from '../../../../src/lib/server/courses/format/quiz-file.ts';
import { toCourseQuestions } from '../../../../src/lib/server/quiz/formats/convert.ts';
import { exportGift } from '../../../../src/lib/server/quiz/formats/export-gift.ts';
import { parseGift } from '../../../../src/lib/server/quiz/formats/gift.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

// Written as Moodle writes them (qformat_gift::write_idnumber_and_tags), plus hand-written forms.
const BANK = [
	'// question: 12  name: budget-vote',
	'// [id:BUD-01] [tag:budget] [tag:vote]',
	'::budget-vote::Qui vote le budget ?{=Le conseil ~Le maire}',
	'',
	'// [id:BUD\\]02]',
	'// [tag:niveau 1]  [tag:a\\]b]',
	'::comment-lines::Deux lignes de commentaire.{T}',
	'',
	'::no-labels::Sans étiquette.{F}',
	'',
	'// [tag:orphan] (a blank line follows: this comment belongs to no question)',
	'',
	'::in-text::Le texte [tag:pas-une-etiquette] reste du texte.{T}',
	''
].join('\n');

const labels = (source: string) =>
	parseGift(source).questions.map((q) => ({ name: q.name, idnumber: q.idnumber, tags: q.tags }));

describe('parseGift: idnumber and tags', () => {
	it("reads them from the question's comment lines, as Moodle does", () => {
		expect(parseGift(BANK).errors).toEqual([]);
		expect(labels(BANK)).toEqual([
			{ name: 'budget-vote', idnumber: 'BUD-01', tags: ['budget', 'vote'] },
			{ name: 'comment-lines', idnumber: 'BUD]02', tags: ['niveau 1', 'a]b'] },
			{ name: 'no-labels', idnumber: undefined, tags: undefined },
			{ name: 'in-text', idnumber: undefined, tags: undefined }
		]);
	});

	it('leaves a [tag:…] written in the question text as text', () => {
		expect(parseGift(BANK).questions[3]?.prompt).toBe(
			'Le texte [tag:pas-une-etiquette] reste du texte.'
		);
	});

	it('reads comments between the category line and the question', () => {
		const { questions } = parseGift('$CATEGORY: tamkeen\n// [id:C-1]\nQ ?{T}');
		expect(questions[0]).toMatchObject({ category: 'tamkeen', idnumber: 'C-1' });
	});

	it('reports, with its line, what Moodle would silently drop', () => {
		const { questions, errors } = parseGift(
			'// [id:A] [id:B]\n// [tag:a<b] [tag:ok]\n// [id:open\nQ ?{T}'
		);
		expect(questions[0]).toMatchObject({ idnumber: 'A', tags: ['ok'] });
		expect(errors).toEqual([
			{ line: 1, message: 'a question has one idnumber, "B" is a second one' },
			{ line: 2, message: "a '[tag:…]' cannot be read: is ']' missing, or does it hold < > or `?" },
			{ line: 3, message: "an '[id:…]' is not closed with ']' or holds a line break" }
		]);
	});
});

describe('toCourseQuestions: idnumber and tags', () => {
	it('keeps them in the question body, right after the type', () => {
		const { questions, problems } = toCourseQuestions(parseGift(BANK).questions, {
			locale: 'fr'
		});
		expect(problems).toEqual([]);
		expect(Object.keys(questions[0]?.body ?? {}).slice(0, 4)).toEqual([
			'id',
			'type',
			'idnumber',
			'tags'
		]);
		expect(questions.map((q) => [q.body.idnumber, q.body.tags])).toEqual([
			['BUD-01', ['budget', 'vote']],
			['BUD]02', ['niveau 1', 'a]b']],
			[undefined, undefined],
			[undefined, undefined]
		]);
	});

	it('reports what the course format refuses: a repeated idnumber, a bad or repeated tag', () => {
		const source = [
			'// [id:X-1] [tag:Budget] [tag:budget]',
			'Q1 ?{T}',
			'',
			`// [id:X-1] [tag:a,b] [tag:${'t'.repeat(51)}]`,
			'Q2 ?{T}'
		].join('\n');
		const { problems } = toCourseQuestions(parseGift(source).questions, { locale: 'fr' });
		expect(problems).toEqual([
			{ line: 2, message: 'tag "budget" is listed twice' },
			{ line: 5, message: 'duplicate idnumber "X-1" (first at line 2)' },
			{ line: 5, message: 'tag "a,b" holds a comma: write two tags instead' },
			{ line: 5, message: `tag "${'t'.repeat(51)}" is longer than 50 characters` }
		]);
	});

	it('gives questions the course loader accepts, labels included', () => {
		const { questions } = toCourseQuestions(parseGift(BANK).questions, { locale: 'fr' });
		const dir = mkdtempSync(path.join(tmpdir(), 'tamkeen-labels-'));
		const file = path.join(dir, 'quiz.yaml');
		writeFileSync(
			file,
			stringify({ title: { fr: 'Quiz' }, questions: questions.map((q) => q.body) })
		);
		const report = new Report();
		const quiz = readQuizFile(file, report, { slug: 'm', locales: ['fr'] });
		expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(quiz?.questions[1]?.body).toMatchObject({
			idnumber: 'BUD]02',
			tags: ['niveau 1', 'a]b']
		});
	});
});

describe('exportGift: idnumber and tags', () => {
	it("writes Moodle's comment line above the question", () => {
		const { questions } = toCourseQuestions(parseGift(BANK).questions, { locale: 'fr' });
		const gift = exportGift(questions, { locale: 'fr' });
		expect(gift).toContain('// [id:BUD-01] [tag:budget] [tag:vote]\n::budget-vote::');
		expect(gift).toContain('// [id:BUD\\]02] [tag:niveau 1] [tag:a\\]b]\n::comment-lines::');
		expect(gift).not.toContain('[id:undefined]');
	});

	it('round trip: import then export then import gives the same ids, idnumbers and tags', () => {
		const first = toCourseQuestions(parseGift(BANK).questions, { locale: 'fr' }).questions;
		const again = parseGift(exportGift(first, { locale: 'fr' }));
		expect(again.errors).toEqual([]);
		const second = toCourseQuestions(again.questions, { locale: 'fr' }).questions;
		const keep = (qs: typeof first) => qs.map((q) => [q.id, q.body.idnumber, q.body.tags]);
		expect(keep(second)).toEqual(keep(first));
		expect(keep(first)).toHaveLength(4);
	});
});
