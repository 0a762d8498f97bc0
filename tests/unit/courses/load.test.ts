import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lib/server/courses/format/load.ts';

const FIXTURES = path.resolve('tests/fixtures/courses');
const BROKEN = path.join(FIXTURES, 'broken');

/** Errors of one course as `path:line:column: message`, the path relative to the course folder. */
function errorsOf(dir: string): string[] {
	return loadCourse(dir)
		.problems.filter((p) => p.severity === 'error')
		.map((p) => `${path.relative(dir, p.file)}:${p.line}:${p.column}: ${p.message}`);
}

describe('loadCourse on the valid fixture', () => {
	const loaded = loadCourse(path.join(FIXTURES, 'valid/local-budgets'));

	it('finds no error and returns the whole course', () => {
		expect(loaded.errors).toBe(0);
		const course = loaded.course!;
		expect(course.slug).toBe('local-budgets');
		expect(course.locales).toEqual(['ar', 'fr']);
		expect(course.modules.map((m) => [m.slug, m.position, m.lessons.map((l) => l.slug)])).toEqual([
			['basics', 1, ['two-titles', 'reading']],
			['participation', 2, ['hearings']]
		]);
		expect(course.modules[0]!.quiz!.questions.map((q) => q.type)).toEqual([
			'single',
			'truefalse',
			'matching',
			'ordering',
			'multiple',
			'numeric'
		]);
		expect(course.final!.questions.map((q) => q.id)).toEqual([
			'intro',
			'title-one',
			'hearing-open',
			'budget-word',
			'share-range',
			'reflect'
		]);
		expect(course.glossary.map((t) => t.id)).toEqual(['operating-budget', 'public-hearing']);
	});

	it('reads lesson front matter and keeps the body without it', () => {
		const text = loadCourse(path.join(FIXTURES, 'valid/local-budgets')).course!.modules[0]!
			.lessons[0]!.texts.fr!;
		expect(text.title).toBe('Les deux titres du budget');
		expect(text.minutes).toBe(8);
		expect(text.sources).toHaveLength(1);
		expect(text.markdown.startsWith('\nLe budget')).toBe(true);
	});

	it('warns, without failing, about short lessons and a small final pool', () => {
		const warnings = loaded.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
		expect(warnings).toContain('a lesson should have 400–900 words, this one has 5');
		expect(warnings).toContain(
			'a final assessment should draw at least 15 questions from a pool of at least 25 (draws 4 of 5)'
		);
	});
});

// One course folder per rule, each with exactly one thing wrong (see tests/fixtures/courses/broken).
const CASES: [string, string[]][] = [
	[
		'bad-module-slug',
		[
			'01-Intro_Module:1:1: module slug "Intro_Module" must use lowercase letters, digits and hyphens'
		]
	],
	[
		'bad-question-labels',
		[
			'final.yaml:5:15: "idnumber" must be text, got a number',
			'final.yaml:6:11: "tags" must be a list, got text',
			'final.yaml:11:15: idnumber " padded" starts or ends with a space',
			'final.yaml:12:16: each tag must be text (quote a tag that looks like a number)',
			'final.yaml:12:19: tag "a<b" holds a character Moodle refuses in tags (< > ` or a control character)',
			'final.yaml:12:26: tag "a,b" holds a comma: write two tags instead',
			'final.yaml:12:41: tag "budget" is listed twice',
			'final.yaml:12:49: a tag cannot be empty'
		]
	],
	[
		'bad-version',
		['course.yaml:2:10: "version" must be a semantic version such as 1.0.0, got "1.0"']
	],
	['broken-image', ['01-intro/01-start.en.md:12:1: broken image: media/map.svg does not exist']],
	['broken-link', ['01-intro/01-start.en.md:12:6: broken link: 02-next.en.md does not exist']],
	[
		'draw-exceeds-pool',
		['final.yaml:3:7: "draw" is 5 but the quiz has only 1 question to draw from']
	],
	['duplicate-glossary-id', ['glossary.yaml:3:11: duplicate term id "budget" (first at line 2)']],
	[
		'duplicate-lesson-slug',
		[
			'01-intro/02-start.en.md:1:1: duplicate lesson slug "start" (also numbered 01)',
			'01-intro/02-start.fr.md:1:1: duplicate lesson slug "start" (also numbered 01)'
		]
	],
	[
		'duplicate-idnumber',
		[
			'final.yaml:5:15: duplicate idnumber "SKY-1" (first in 01-intro/quiz.yaml at line 4)',
			'final.yaml:15:15: duplicate idnumber "GRASS" (first at line 10)'
		]
	],
	['duplicate-module-slug', ['02-intro:1:1: duplicate module slug "intro" (also in 01-intro)']],
	['duplicate-option-id', ['final.yaml:13:15: duplicate option id "a" (first at line 12)']],
	[
		'duplicate-question-id',
		['final.yaml:8:9: duplicate question id "sky-is-blue" (first at line 4)']
	],
	['image-without-alt', ['01-intro/01-start.en.md:12:1: image media/map.svg has no alt text']],
	[
		'lesson-minutes-fraction',
		['01-intro/01-start.en.md:3:10: "minutes" must be a whole number of 1 or more, got 2.5']
	],
	[
		'lesson-minutes-not-positive',
		['01-intro/01-start.en.md:3:10: "minutes" must be a whole number of 1 or more, got 0']
	],
	['lesson-missing-title', ['01-intro/01-start.en.md:2:1: missing required key "title"']],
	['lesson-no-sources', ['01-intro/01-start.en.md:4:10: "sources" must list at least one source']],
	[
		'mastery-impossible',
		['01-intro/quiz.yaml:2:28: "mastery.correct" (3) cannot be more than "mastery.of" (2)']
	],
	['matching-duplicate-id', ['final.yaml:14:15: duplicate pair id "one" (first at line 12)']],
	['matching-too-few', ['final.yaml:12:7: "pairs" needs at least 3 entries, has 2']],
	['missing-final', ['final.yaml:1:1: missing final.yaml (the final assessment)']],
	[
		'missing-lesson-locale',
		['01-intro/01-start.fr.md:1:1: lesson "start" has no "en" file (expected 01-start.en.md)']
	],
	['missing-objectives-locale', ['01-intro/module.yaml:3:3: "objectives" is missing locale "en"']],
	['missing-prompt-locale', ['final.yaml:6:13: "prompt" is missing locale "en"']],
	['missing-required-key', ['course.yaml:1:1: missing required key "licence"']],
	['missing-title-locale', ['course.yaml:12:8: "title" is missing locale "en"']],
	[
		'multiple-fraction-range',
		['final.yaml:13:52: "fraction" must be a number from -1 to 1, got -1.5']
	],
	[
		'multiple-fractions-sum',
		['final.yaml:12:7: the positive fractions must add up to 1, they add up to 0.8']
	],
	[
		'no-front-matter',
		['01-intro/01-start.en.md:1:1: a lesson must start with front matter between two "---" lines']
	],
	['numeric-min-max', ['final.yaml:11:10: "min" (30) is greater than "max" (12)']],
	[
		'numeric-no-answer',
		[
			'final.yaml:8:5: a numeric question needs either "answer" (with "tolerance") or "min" and "max"'
		]
	],
	['numeric-tolerance', ['final.yaml:12:16: "tolerance" must be a number of 0 or more, got -2']],
	['ordering-too-few', ['final.yaml:12:7: "items" needs at least 3 entries, has 2']],
	['pass-mark-range', ['final.yaml:2:11: "passMark" must be a number from 0 to 100, got 120']],
	[
		'pretest-exceeds-pool',
		['final.yaml:1:1: course.yaml asks for a pre-test of 3 questions but final.yaml has only 1']
	],
	[
		'raw-html',
		['01-intro/01-start.en.md:12:1: raw HTML is not allowed in lessons (the renderer removes it)']
	],
	[
		'reserved-module-slug',
		['01-final:1:1: module slug "final" is reserved for the final assessment']
	],
	['short-accept-empty', ['final.yaml:11:32: "accept.en" must not be empty']],
	[
		'single-no-correct',
		[
			'final.yaml:12:7: a single-choice question needs exactly one option with "correct: true", found 0'
		]
	],
	[
		'single-two-correct',
		[
			'final.yaml:12:7: a single-choice question needs exactly one option with "correct: true", found 2'
		]
	],
	[
		'slug-mismatch',
		['course.yaml:1:7: slug "another-course" does not match the folder name "slug-mismatch"']
	],
	[
		'status-date',
		[
			'01-intro/01-start.en.md:12:1: [!STATUS 2026-13] needs a year and month written YYYY-MM, such as [!STATUS 2026-11]'
		]
	],
	[
		'trainer-not-email',
		[
			'course.yaml:25:5: "trainers" lists emails such as name@example.org, got "not an email"',
			'course.yaml:26:5: trainer "amel@example.tn" is listed twice'
		]
	],
	['too-few-outcomes', ['course.yaml:17:7: "outcomes.en" must have 3 to 6 items, has 2']],
	['truefalse-answer', ['final.yaml:7:13: "answer" must be true or false, got "yes"']],
	['unknown-locale', ['course.yaml:3:19: unknown locale "de" (use ar, fr or en)']],
	[
		'unknown-block',
		[
			'01-intro/01-start.en.md:12:1: unknown block [!INFO] (use NOTE, TIP, WARNING, EXAMPLE, EXERCISE or STATUS YYYY-MM)'
		]
	],
	[
		'unknown-key',
		[
			'final.yaml:12:7: a single-choice question needs exactly one option with "correct: true", found 0',
			'final.yaml:12:46: unknown key "corect"'
		]
	],
	[
		'unknown-question-type',
		[
			'final.yaml:9:11: unknown question type "drawing" (use single, multiple, truefalse, short, numeric, matching, ordering, essay, description)'
		]
	],
	['wrong-type', ['course.yaml:6:10: "pretest" must be a whole number of 1 or more, got "eight"']],
	[
		'yaml-syntax',
		[
			'01-intro/module.yaml:1:1: YAML syntax: Flow map in block collection must be sufficiently indented and end with a }'
		]
	]
];

describe('loadCourse on broken fixtures', () => {
	it.each(CASES)('reports %s with its exact place and message', (name, expected) => {
		expect(errorsOf(path.join(BROKEN, name))).toEqual(expected);
	});

	it('refuses to return a course that has any error', () => {
		const loaded = loadCourse(path.join(BROKEN, 'single-no-correct'));
		expect(loaded.course).toBeNull();
		expect(loaded.errors).toBe(1);
	});

	it('covers every broken fixture folder', async () => {
		const fs = await import('node:fs');
		expect(fs.readdirSync(BROKEN).sort()).toEqual(CASES.map(([name]) => name).sort());
	});
});
