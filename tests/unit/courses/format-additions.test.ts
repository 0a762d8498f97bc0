// The course format additions of issue 16 (COURSE-FORMAT-2): each rule on a small fixture.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lib/server/courses/format/load.ts';
import {
	ASSIGNMENT_YAML,
	copyValidCourse,
	worksheet,
	type CourseCopy
} from '../../helpers/course-fixture.ts';

let c: CourseCopy;
beforeEach(() => {
	c = copyValidCourse();
});
afterEach(() => {
	c.remove();
});

/** Problems as `relative/path:line:column: [warning: ]message`. */
function problems(): string[] {
	return loadCourse(c.dir).problems.map(
		(p) =>
			`${path.relative(c.dir, p.file)}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`
	);
}
const errors = () => problems().filter((p) => !p.includes(': warning: '));
const matching = (text: string) => problems().filter((p) => p.includes(text));

describe('course.yaml: hours and evidence', () => {
	it('warns that hours are computed and ignores the declared value', () => {
		expect(matching('hours are computed')).toEqual([
			'course.yaml:6:8: warning: hours are computed: remove it'
		]);
		// 19 lesson minutes + 6 module-quiz questions + 4 drawn final × 1.5 + pre-test 2 = 33 min.
		expect(loadCourse(c.dir).course!.meta.hours).toBe(1);
	});

	it('computes hours from exercises and assignment essays, rounded up to the half hour', () => {
		c.edit('01-basics/01-two-titles.ar.md', 'minutes: 8', 'minutes: 8\nactivityMinutes: 20');
		c.write('01-basics/assignment.yaml', ASSIGNMENT_YAML);
		// 33 + 20 + 45 = 98 minutes → 3.27 half hours → 2 hours.
		expect(loadCourse(c.dir).course!.meta.hours).toBe(2);
		c.edit('course.yaml', 'hours: 2\n', '');
		expect(matching('hours are computed')).toEqual([]);
	});

	it('warns when evidence is missing and refuses one not written YYYY-MM', () => {
		expect(matching('evidence')).toEqual([
			'course.yaml:1:1: warning: missing "evidence: YYYY-MM" (the month of the most recent source the course relies on)'
		]);
		c.edit('course.yaml', 'reviewed: 2026-11-22', 'reviewed: 2026-11-22\nevidence: 2025-12');
		expect(matching('evidence')).toEqual([
			"01-basics/01-two-titles.ar.md:22:1: warning: [!STATUS 2026-11] is dated after the course's evidence (2025-12): date it by its sources",
			"01-basics/01-two-titles.fr.md:22:1: warning: [!STATUS 2026-11] is dated after the course's evidence (2025-12): date it by its sources"
		]);
		expect(loadCourse(c.dir).course!.meta.evidence).toBe('2025-12');
		c.edit('course.yaml', 'evidence: 2025-12', 'evidence: December 2025');
		expect(errors()).toEqual([
			'course.yaml:10:11: "evidence" must be a year and month written YYYY-MM, got December 2025'
		]);
	});

	it('accepts completion.assignments none, submitted or graded (default none)', () => {
		expect(loadCourse(c.dir).course!.meta.completion.assignments).toBe('none');
		c.edit(
			'course.yaml',
			'certificate: completion',
			'certificate: completion\n  assignments: graded'
		);
		expect(loadCourse(c.dir).course!.meta.completion.assignments).toBe('graded');
		c.edit('course.yaml', 'assignments: graded', 'assignments: marked');
		expect(errors()).toEqual([
			'course.yaml:35:16: "assignments" must be one of none, submitted, graded, got "marked"'
		]);
	});
});

describe('lesson front matter', () => {
	const FILE = '01-basics/01-two-titles.fr.md';

	it('warns when outcomes are missing, reads 1 to 3 of them, and refuses 4', () => {
		expect(matching(`${FILE}:2:1: warning: missing "outcomes"`)).toHaveLength(1);
		c.edit(FILE, 'minutes: 8', 'minutes: 8\noutcomes:\n  - Distinguer les deux titres.');
		const text = loadCourse(c.dir).course!.modules[0]!.lessons[0]!.texts.fr!;
		expect(text.outcomes).toEqual(['Distinguer les deux titres.']);
		c.edit(FILE, '  - Distinguer', '  - a\n  - b\n  - c\n  - Distinguer');
		expect(errors()).toEqual([`${FILE}:5:3: "outcomes" must be a list of 1 to 3 texts`]);
	});

	it('reads activityMinutes and case, and refuses other values', () => {
		c.edit(FILE, 'minutes: 8', 'minutes: 8\nactivityMinutes: 15\ncase: fictional');
		const text = loadCourse(c.dir).course!.modules[0]!.lessons[0]!.texts.fr!;
		expect([text.activityMinutes, text.case]).toEqual([15, 'fictional']);
		c.edit(FILE, 'activityMinutes: 15\ncase: fictional', 'activityMinutes: -1\ncase: invented');
		expect(errors()).toEqual([
			`${FILE}:4:18: "activityMinutes" must be a whole number of 0 or more, got -1`,
			`${FILE}:5:7: "case" must be one of real, fictional, got "invented"`
		]);
	});
});

describe('assignment.yaml', () => {
	it('is read as the module assignment, quiz slug <module>.assignment, rubric kept', () => {
		c.write('01-basics/assignment.yaml', ASSIGNMENT_YAML);
		expect(errors()).toEqual([]);
		const a = loadCourse(c.dir).course!.modules[0]!.assignment!;
		expect(a.slug).toBe('basics.assignment');
		expect(a.questions[0]!.body.rubric).toHaveLength(2);
		expect(matching('no assignment.yaml')).toEqual([
			'02-participation:1:1: warning: no assignment.yaml (the module\'s assessed "try it" exercise)'
		]);
	});

	it('needs exactly one essay, a rubric adding up to its points, and no attempt limit', () => {
		c.write(
			'01-basics/assignment.yaml',
			ASSIGNMENT_YAML.replace('attempts: 0', 'attempts: 2')
				.replace('points: 6', 'points: 5')
				.replace('      - id: figures-read', '      - id: titles-named')
		);
		expect(errors()).toEqual([
			'01-basics/assignment.yaml:2:11: an assignment takes "attempts: 0" (no limit)',
			"01-basics/assignment.yaml:11:7: the rubric's points add up to 9, the question is worth 10",
			'01-basics/assignment.yaml:14:13: duplicate rubric id "titles-named" (first at line 11)'
		]);
		c.write(
			'01-basics/assignment.yaml',
			ASSIGNMENT_YAML.replace(/ {4}rubric:[\s\S]*$/, '') +
				'  - id: other\n    type: truefalse\n    prompt: { ar: "صح؟", fr: "Vrai ?" }\n    answer: true\n'
		);
		expect(errors()).toEqual([
			'01-basics/assignment.yaml:4:3: assignment.yaml must have exactly one essay question (has 2 questions: essay, truefalse)',
			'01-basics/assignment.yaml:4:5: an assignment essay needs a "rubric"'
		]);
	});

	it('checks a rubric on any essay, and essay minutes', () => {
		c.edit(
			'final.yaml',
			'    minWords: 50',
			'    minWords: 50\n    minutes: zero\n    rubric:\n      - { id: one, points: 2, text: { ar: "أ", fr: "a" } }'
		);
		expect(errors()).toEqual([
			'final.yaml:40:14: "minutes" must be a whole number of 1 or more, got "zero"',
			"final.yaml:42:7: the rubric's points add up to 2, the question is worth 1"
		]);
	});
});

describe('short display, longest options, glossary avoid', () => {
	it('warns on a short question without display, and reads one', () => {
		expect(matching('display')).toEqual([
			'final.yaml:24:5: warning: a short question should have "display": the answer shown in reviews'
		]);
		c.edit(
			'final.yaml',
			'    accept:\n      ar',
			'    display: { ar: الميزانية, fr: le budget }\n    accept:\n      ar'
		);
		expect(matching('display')).toEqual([]);
		const q = loadCourse(c.dir).course!.final!.questions.find((x) => x.type === 'short')!;
		expect(q.body.display).toEqual({ ar: 'الميزانية', fr: 'le budget' });
	});

	it('warns when more than half the single keys are the strictly longest option', () => {
		// The module quiz's one single question keys الاستثمار, longer than الأجور.
		expect(matching('longest')).toEqual([
			'01-basics/quiz.yaml:10:3: warning: the correct option is the longest in 1 of 1 single-choice questions (ar): vary the lengths'
		]);
		c.edit('01-basics/quiz.yaml', 'text: { ar: الأجور,', 'text: { ar: أجور الأعوان والإطارات,');
		expect(matching('longest')).toEqual([]);
	});

	it('warns with file:line:column where a lesson uses a form the glossary says to avoid', () => {
		c.edit(
			'glossary.yaml',
			'    fr: budget de fonctionnement',
			'    fr: budget de fonctionnement\n    avoid: { ar: [ميزانية التسيير], fr: [budget ordinaire] }'
		);
		c.edit(
			'01-basics/02-reading.ar.md',
			'ابدأ بالموارد الذاتية.',
			'ابدأ بالموارد الذاتية ثم بِمِيزانيّة التّسيير.'
		);
		c.edit(
			'01-basics/01-two-titles.fr.md',
			'Le titre II finance',
			'Le Budget Ordinaire et le titre II financent'
		);
		expect(matching('avoid')).toEqual([
			'01-basics/01-two-titles.fr.md:20:6: warning: "budget ordinaire" is a form the glossary says to avoid: use "budget de fonctionnement" (term operating-budget)',
			'01-basics/02-reading.ar.md:11:30: warning: "ميزانية التسيير" is a form the glossary says to avoid: use "ميزانية التصرف" (term operating-budget)'
		]);
	});
});

describe('worksheets and facilitator guide', () => {
	it('reads worksheets per locale and the guide, warning when ar or fr is missing', () => {
		c.write('worksheets/01-budget-grid.ar.md', worksheet('شبكة الميزانية', 'لتعمير الشبكة.'));
		c.write('worksheets/01-budget-grid.fr.md', worksheet('Grille du budget', 'Pour remplir.'));
		c.write('facilitator.fr.md', '---\ntitle: Guide\n---\n\n## Séance 1\n');
		const course = loadCourse(c.dir).course!;
		expect(course.worksheets.map((w) => [w.slug, Object.keys(w.texts)])).toEqual([
			['budget-grid', ['ar', 'fr']]
		]);
		expect(course.worksheets[0]!.texts.fr!.purpose).toBe('Pour remplir.');
		expect(Object.keys(course.facilitator)).toEqual(['fr']);
		expect(matching('facilitator')).toEqual([
			'facilitator.ar.md:1:1: warning: no facilitator guide in ar (facilitator.<locale>.md; ar and fr are expected)'
		]);
		expect(matching('unexpected')).toEqual([]);
	});

	it('refuses a worksheet without purpose or badly named, and checks its links', () => {
		c.write('worksheets/01-budget-grid.fr.md', '---\ntitle: Grille\n---\n\n[x](nowhere.md)\n');
		c.write('worksheets/grid.fr.md', worksheet('a', 'b'));
		expect(errors()).toEqual([
			'worksheets/01-budget-grid.fr.md:2:1: missing required key "purpose"',
			'worksheets/01-budget-grid.fr.md:5:1: broken link: nowhere.md does not exist',
			'worksheets/grid.fr.md:1:1: worksheet files are named NN-slug.locale.md: grid.fr.md'
		]);
	});
});
