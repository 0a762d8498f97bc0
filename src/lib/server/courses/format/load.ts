import fs from 'node:fs';
import path from 'node:path';
import { courseFolderSlug, readCourseFile, splitNumbered } from './course-file.ts';
import { warnAvoidedTerms } from './avoided-terms.ts';
import { readGlossaryFile } from './glossary-file.ts';
import { computeHours } from './hours.ts';
import { MEDIA_DIR, readMediaDir } from './media-dir.ts';
import { readModuleDir } from './module-dir.ts';
import { IdnumberRegistry } from './question-labels.ts';
import { Report, SLUG, sortProblems, START, type Problem } from './problems.ts';
import { FACILITATOR_FILE, readFacilitator, readWorksheets } from './print-pages.ts';
import { readQuizFile } from './quiz-file.ts';
import type { Course, Module } from '../types.ts';

export type LoadedCourse = {
	dir: string;
	course: Course | null;
	problems: Problem[];
	errors: number;
};

const COURSE_ENTRIES = [
	'course.yaml',
	'glossary.yaml',
	'final.yaml',
	'README.md',
	'worksheets',
	MEDIA_DIR
];

/** The course folders at `dir`: `dir` itself when it holds course.yaml, else its sub-folders. */
export function findCourseDirs(dir: string): string[] {
	const root = path.resolve(dir);
	if (fs.existsSync(path.join(root, 'course.yaml'))) return [root];
	return fs
		.readdirSync(root, { withFileTypes: true })
		.filter((e) => e.isDirectory() && !e.name.startsWith('.'))
		.map((e) => path.join(root, e.name))
		.sort();
}

/** Reads and checks one course folder; `course` is null when any error was found. */
export function loadCourse(dir: string): LoadedCourse {
	const root = path.resolve(dir);
	const report = new Report();
	const course = readCourse(root, report);
	const errors = report.errorCount;
	return {
		dir: root,
		course: errors === 0 ? course : null,
		problems: sortProblems(report.problems),
		errors
	};
}

function readCourse(dir: string, report: Report): Course | null {
	const folderSlug = courseFolderSlug(dir);
	const head = readCourseFile(path.join(dir, 'course.yaml'), report, folderSlug);
	if (!SLUG.test(folderSlug))
		report.error(
			dir,
			START,
			`course folder "${folderSlug}" must use lowercase letters, digits and hyphens`
		);
	const locales = head?.locales ?? [];
	const evidence = head?.meta.evidence ?? null;
	const ctx = { report, locales, idnumbers: new IdnumberRegistry(dir), evidence };
	const modules: Module[] = [];
	const seen = new Map<string, string>();
	for (const entry of fs
		.readdirSync(dir, { withFileTypes: true })
		.sort((a, b) => a.name.localeCompare(b.name))) {
		const where = path.join(dir, entry.name);
		if (entry.name.startsWith('.') || COURSE_ENTRIES.includes(entry.name)) continue;
		if (entry.isFile() && FACILITATOR_FILE.test(entry.name)) continue;
		const numbered = entry.isDirectory() ? splitNumbered(entry.name) : null;
		if (!numbered) {
			report.warn(
				where,
				START,
				`unexpected ${entry.isDirectory() ? 'folder' : 'file'} in a course folder: ${entry.name}`
			);
			continue;
		}
		const { slug } = numbered;
		if (!SLUG.test(slug))
			report.error(
				where,
				START,
				`module slug "${slug}" must use lowercase letters, digits and hyphens`
			);
		if (slug === 'final')
			report.error(where, START, 'module slug "final" is reserved for the final assessment');
		if (slug === 'worksheets')
			report.error(where, START, 'module slug "worksheets" is reserved for the worksheet pages');
		if (seen.has(slug))
			report.error(where, START, `duplicate module slug "${slug}" (also in ${seen.get(slug)})`);
		seen.set(slug, entry.name);
		const mod = readModuleDir(where, numbered, ctx);
		if (mod) modules.push(mod);
	}
	if (seen.size === 0)
		report.error(dir, START, 'a course needs at least one module folder (01-<slug>/)');
	const finalFile = path.join(dir, 'final.yaml');
	if (!fs.existsSync(finalFile))
		report.error(finalFile, START, 'missing final.yaml (the final assessment)');
	const final = readQuizFile(finalFile, report, {
		slug: 'final',
		locales,
		idnumbers: ctx.idnumbers
	});
	if (final) checkFinal(final, head?.meta.pretest ?? null, report);
	const glossary = readGlossaryFile(path.join(dir, 'glossary.yaml'), report, locales);
	const worksheets = readWorksheets(dir, ctx);
	const facilitator = readFacilitator(dir, ctx);
	const media = readMediaDir(dir, report);
	warnAvoidedTerms({ glossary, modules }, report);
	if (!head) return null;
	const meta = { ...head.meta };
	meta.hours = computeHours({ locales, modules, final, meta });
	return { ...head, meta, dir, modules, final, glossary, worksheets, facilitator, media };
}

/** README guidance for the final: 15+ drawn from a pool of 25+ (a warning); the pre-test must fit the pool. */
function checkFinal(
	final: NonNullable<Course['final']>,
	pretest: number | null,
	report: Report
): void {
	const pool = final.questions.filter((q) => q.type !== 'description').length;
	const drawn = final.settings.draw ?? pool;
	if (pool < 25 || drawn < 15) {
		report.warn(
			final.file,
			START,
			`a final assessment should draw at least 15 questions from a pool of at least 25 (draws ${drawn} of ${pool})`
		);
	}
	if (pretest !== null && pretest > pool) {
		report.error(
			final.file,
			START,
			`course.yaml asks for a pre-test of ${pretest} questions but final.yaml has only ${pool}`
		);
	}
}
