// Appends the questions of a GIFT or Aiken file to a module's quiz.yaml (created if missing),
// then checks the course. Usage:
//   npm run questions:import -- --course SLUG --module SLUG [--locale ar|fr|en] [--format gift|aiken] [--dir courses] FILE
// Problems print as FILE:line: message and exit 1; the quiz file is only written when the
// question file parsed and converted cleanly.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { parseAiken } from '../lib/server/quiz/formats/aiken.ts';
import { parseGift } from '../lib/server/quiz/formats/gift.ts';
import { toCourseQuestions } from '../lib/server/quiz/formats/convert.ts';
import { checkCourses, formatProblem } from '../lib/server/courses/format/check.ts';
import { appendQuestions, idnumbersOf, newQuizText } from '../lib/server/studio/quiz/quiz-yaml.ts';

const USAGE =
	'usage: questions:import --course SLUG --module SLUG [--locale ar|fr|en] [--format gift|aiken] [--dir courses] FILE';
const LOCALES = ['ar', 'fr', 'en'] as const;

function readArgs(args: string[]): { flags: Record<string, string>; files: string[] } {
	const flags: Record<string, string> = {};
	const files: string[] = [];
	// One iterator for both: a flag takes the next argument as its value.
	const rest = args[Symbol.iterator]();
	for (const a of rest) {
		if (a.startsWith('--')) flags[a.slice(2)] = rest.next().value ?? '';
		else files.push(a);
	}
	return { flags, files };
}

/** The module's folder (`NN-slug`) in the course folder, or null. */
function moduleDir(courseDir: string, slug: string): string | null {
	const hit = fs
		.readdirSync(courseDir, { withFileTypes: true })
		.find((e) => e.isDirectory() && e.name.replace(/^\d+-/, '') === slug && /^\d+-/.test(e.name));
	return hit ? path.join(courseDir, hit.name) : null;
}

/** A new quiz.yaml: the module's title, and the defaults of courses/README.md spelled out. */
function newQuiz(dir: string): string {
	const module = parseDocument(fs.readFileSync(path.join(dir, 'module.yaml'), 'utf8')).toJS() as {
		title?: Record<string, string>;
	};
	return newQuizText(module.title ?? {});
}

function main(argv: string[]): number {
	const { flags, files } = readArgs(argv);
	const file = files[0];
	const locale = (flags.locale ?? 'fr') as (typeof LOCALES)[number];
	if (!flags.course || !flags.module || !file || files.length > 1 || !LOCALES.includes(locale)) {
		console.error(USAGE);
		return 2;
	}
	const format =
		flags.format ?? (file.endsWith('.gift') ? 'gift' : file.endsWith('.txt') ? 'aiken' : '');
	if (format !== 'gift' && format !== 'aiken') {
		console.error(`${file}: say --format gift or --format aiken (known extensions: .gift, .txt)`);
		return 2;
	}
	const courseDir = path.join(flags.dir ?? 'courses', flags.course);
	if (!fs.existsSync(path.join(courseDir, 'course.yaml'))) {
		console.error(`${courseDir}: no course.yaml here`);
		return 1;
	}
	const dir = moduleDir(courseDir, flags.module);
	if (!dir) {
		console.error(`${courseDir}: no module folder NN-${flags.module}`);
		return 1;
	}
	let source: string;
	try {
		source = fs.readFileSync(file, 'utf8');
	} catch {
		console.error(`${file}: cannot read the file`);
		return 2;
	}
	const parsed = (format === 'gift' ? parseGift : parseAiken)(source);
	const converted = toCourseQuestions(parsed.questions, { locale });
	const problems = [...parsed.errors, ...converted.problems].sort((a, b) => a.line - b.line);
	for (const p of problems) console.error(`${file}:${p.line}: ${p.message}`);
	if (problems.length > 0) return 1;

	const quizFile = path.join(dir, 'quiz.yaml');
	const before = fs.existsSync(quizFile) ? fs.readFileSync(quizFile, 'utf8') : newQuiz(dir);
	// An idnumber names one question in the course: importing it again is refused here, before
	// anything is written (the course check below catches a clash with another quiz file).
	const idnumbers = idnumbersOf(before);
	const clashes = converted.questions
		.map((q) => q.body.idnumber)
		.filter((n): n is string => typeof n === 'string' && idnumbers.has(n));
	for (const n of clashes)
		console.error(
			`${file}: idnumber "${n}" is already used in ${path.relative(process.cwd(), quizFile)}`
		);
	if (clashes.length > 0) return 1;
	// Ids stay unique in the quiz: a second import of the same file gets -2, -3, ...
	fs.writeFileSync(
		quizFile,
		appendQuestions(
			before,
			converted.questions.map((q) => q.body)
		).text
	);
	console.log(
		`${path.relative(process.cwd(), quizFile)}: added ${converted.questions.length} question${converted.questions.length === 1 ? '' : 's'} (${locale})`
	);

	const check = checkCourses(courseDir);
	for (const p of check.problems) console.log(formatProblem(p, process.cwd()));
	if (check.errors > 0) {
		console.error(
			`${check.errors} problem${check.errors === 1 ? '' : 's'} to fix in the course (questions in one language still need their translations)`
		);
		return 1;
	}
	return 0;
}

process.exitCode = main(process.argv.slice(2));
