// Prints a quiz of a course folder as GIFT, in one language, to take it to Moodle.
// Usage: npm run questions:export -- --course SLUG --quiz SLUG|final [--locale ar|fr|en] [--dir courses]
import path from 'node:path';
import { loadCourse } from '../lib/server/courses/format/load.ts';
import { formatProblem } from '../lib/server/courses/format/check.ts';
import { exportGift } from '../lib/server/quiz/formats/export-gift.ts';

const USAGE =
	'usage: questions:export --course SLUG --quiz SLUG|final [--locale ar|fr|en] [--dir courses]';

function main(argv: string[]): number {
	const flags: Record<string, string> = {};
	// Flags come in pairs: the iterator hands out a name, then its value.
	const rest = argv[Symbol.iterator]();
	for (const name of rest) flags[name.replace(/^--/, '')] = rest.next().value ?? '';
	const locale = flags.locale ?? 'fr';
	if (!flags.course || !flags.quiz || (locale !== 'ar' && locale !== 'fr' && locale !== 'en')) {
		console.error(USAGE);
		return 2;
	}
	const loaded = loadCourse(path.join(flags.dir ?? 'courses', flags.course));
	if (!loaded.course) {
		for (const p of loaded.problems) console.error(formatProblem(p, process.cwd()));
		console.error(`${flags.course}: fix the course before exporting its questions`);
		return 1;
	}
	const c = loaded.course;
	const quiz =
		flags.quiz === 'final' ? c.final : (c.modules.find((m) => m.slug === flags.quiz)?.quiz ?? null);
	if (!quiz) {
		const known = [
			...c.modules.filter((m) => m.quiz).map((m) => m.slug),
			...(c.final ? ['final'] : [])
		];
		console.error(`${flags.course}: no quiz ${flags.quiz} (quizzes: ${known.join(', ')})`);
		return 1;
	}
	process.stdout.write(exportGift(quiz.questions, { locale, category: `${c.slug}/${quiz.slug}` }));
	return 0;
}

process.exitCode = main(process.argv.slice(2));
