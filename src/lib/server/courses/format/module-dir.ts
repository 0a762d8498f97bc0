import fs from 'node:fs';
import path from 'node:path';
import { SLUG, START, type Report } from './problems.ts';
import { isLocale, type Locale } from '../../text/localised.ts';
import { readLessonFile } from './lesson-file.ts';
import type { IdnumberRegistry } from './question-labels.ts';
import { readQuizFile } from './quiz-file.ts';
import { assignmentSlug } from '../assignments.ts';
import type { Lesson, LessonText, Module } from '../types.ts';
import { YamlObject } from './yaml-object.ts';
import { readYamlFile } from './yaml-source.ts';

const LESSON_FILE = /^(\d{2})-(.+)\.([A-Za-z-]+)\.md$/;
const KNOWN = ['module.yaml', 'quiz.yaml', 'assignment.yaml', 'media'];

type Ctx = {
	report: Report;
	locales: readonly Locale[];
	idnumbers: IdnumberRegistry;
	evidence: string | null;
};

/** Reads one `NN-slug/` module folder: module.yaml, its lessons in every locale, its quiz. */
export function readModuleDir(
	dir: string,
	{ position, slug }: { position: number; slug: string },
	ctx: Ctx
): Module | null {
	const { report, locales } = ctx;
	const moduleFile = path.join(dir, 'module.yaml');
	const read = readYamlFile(moduleFile, report, locales);
	if (!read) report.error(moduleFile, START, 'missing module.yaml');
	let title: Module['title'] | undefined;
	let objectives: Module['objectives'] | undefined;
	if (read?.root) {
		const o = new YamlObject(read.source, read.root);
		o.onlyKeys(['title', 'objectives']);
		title = o.localised('title');
		objectives = o.localisedList('objectives', { min: 1 });
	}
	const lessons = readLessons(dir, ctx);
	if (lessons.length === 0) report.error(dir, START, 'a module needs at least one lesson');
	const quizFile = path.join(dir, 'quiz.yaml');
	const quiz = readQuizFile(quizFile, report, { slug, locales, idnumbers: ctx.idnumbers });
	if (quiz) warnQuizShape(quiz.questions, quizFile, report);
	const assignmentFile = path.join(dir, 'assignment.yaml');
	if (!fs.existsSync(assignmentFile))
		report.warn(dir, START, 'no assignment.yaml (the module\'s assessed "try it" exercise)');
	const assignment = readQuizFile(assignmentFile, report, {
		slug: assignmentSlug(slug),
		locales,
		idnumbers: ctx.idnumbers,
		assignment: true
	});
	if (!title || !objectives) return null;
	return { slug, position, title, objectives, lessons, quiz, assignment };
}

function readLessons(dir: string, { report, locales, evidence }: Ctx): Lesson[] {
	const bySlug = new Map<string, Lesson & { files: string[] }>();
	for (const name of fs.readdirSync(dir).sort()) {
		const file = path.join(dir, name);
		if (name.startsWith('.') || KNOWN.includes(name)) continue;
		const m = LESSON_FILE.exec(name);
		if (!m) {
			if (name.endsWith('.md'))
				report.error(file, START, `lesson files are named NN-slug.locale.md: ${name}`);
			else report.warn(file, START, `unexpected file in a module folder: ${name}`);
			continue;
		}
		const [, num = '', slug = '', locale = ''] = m;
		if (!SLUG.test(slug))
			report.error(
				file,
				START,
				`lesson slug "${slug}" must use lowercase letters, digits and hyphens`
			);
		if (!isLocale(locale)) {
			report.error(file, START, `unknown locale "${locale}" in the file name (use ar, fr or en)`);
			continue;
		}
		if (!locales.includes(locale))
			report.warn(file, START, `locale "${locale}" is not listed in course.yaml`);
		let lesson = bySlug.get(slug);
		if (lesson && lesson.position !== Number(num)) {
			report.error(
				file,
				START,
				`duplicate lesson slug "${slug}" (also numbered ${String(lesson.position).padStart(2, '0')})`
			);
			continue;
		}
		if (!lesson) bySlug.set(slug, (lesson = { slug, position: Number(num), texts: {}, files: [] }));
		lesson.files.push(name);
		const text: LessonText | null = readLessonFile(file, report, locale, locales, evidence);
		if (text) lesson.texts[locale] = text;
	}
	for (const lesson of bySlug.values()) {
		const prefix = String(lesson.position).padStart(2, '0');
		for (const locale of locales) {
			const expected = `${prefix}-${lesson.slug}.${locale}.md`;
			if (!lesson.files.includes(expected)) {
				report.error(
					path.join(dir, lesson.files[0] ?? ''),
					START,
					`lesson "${lesson.slug}" has no "${locale}" file (expected ${expected})`
				);
			}
		}
	}
	return [...bySlug.values()].map(({ files: _files, ...lesson }) => lesson);
}

/** README guidance: a module quiz has 6+ questions of 4+ types. A warning, not an error. */
function warnQuizShape(questions: { type: string }[], file: string, report: Report): void {
	const scored = questions.filter((q) => q.type !== 'description');
	const types = new Set(scored.map((q) => q.type)).size;
	if (scored.length < 6 || types < 4) {
		report.warn(
			file,
			START,
			`a module quiz should have at least 6 questions of at least 4 types (has ${scored.length} of ${types})`
		);
	}
}
