// Checks course folders and prints every problem as `path:line:column: message`.
// Usage: npm run courses:check [folder]  (a folder of courses, or one course; default courses/)
import path from 'node:path';
import { checkCourses, formatProblem } from '../lib/server/courses/format/check.ts';

const target = process.argv[2] ?? 'courses';
const result = checkCourses(target);
for (const p of result.problems) console.log(formatProblem(p, process.cwd()));
const { courses, errors, warnings } = result;
const summary = `${courses} course${courses === 1 ? '' : 's'} checked in ${path.relative(process.cwd(), path.resolve(target)) || '.'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
console.log(summary);
process.exitCode = errors > 0 ? 1 : 0;
