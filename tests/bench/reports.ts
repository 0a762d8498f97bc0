// Server time of the main report shapes on a synthetic national database.
// Usage: npm run db:synthetic -- --learners 100000   (once: db/data/synthetic-100000.db)
//        npm run bench:reports [-- --db PATH --runs N]
// Method: the domain call each page and export makes (buildReport, moduleReport) in this
// process, on the file as written by db:synthetic; one warm-up, then N timed runs; median and
// worst wall time, and median CPU time against the 300 ms ceiling of issue 14.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createDb } from '../../src/lib/server/db/index.ts';
import { hasReportFacts, installReportFacts } from '../../src/lib/server/reports/facts.ts';
import type { Dimension, ReportFilter } from '../../src/lib/server/reports/filters.ts';
import { buildReport } from '../../src/lib/server/reports/indicators.ts';
import { moduleReport } from '../../src/lib/server/reports/modules.ts';

const CEILING_MS = 300;
const { values } = parseArgs({
	options: {
		db: { type: 'string', default: 'db/data/synthetic-100000.db' },
		runs: { type: 'string', default: '7' }
	}
});
const runs = Number(values.runs);
const db = createDb(values.db);
if (!hasReportFacts(db)) {
	// INTEGRATOR: a migration creates and fills report_fact; a file made before it needs this.
	const t = performance.now();
	installReportFacts(db);
	console.log(`report_fact installed in ${(performance.now() - t).toFixed(0)} ms`);
}
const count = (table: string) =>
	(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const firstCourse = (db.$client.prepare('select min(id) as id from course').get() as { id: number })
	.id;

const shapes: { name: string; filter: ReportFilter; breakdown: Dimension[] }[] = [
	{ name: 'no filter', filter: {}, breakdown: [] },
	{ name: 'by governorate', filter: {}, breakdown: ['governorate'] },
	{ name: 'governorate × sex', filter: {}, breakdown: ['governorate', 'sex'] },
	{
		name: 'course + period',
		filter: { courseId: firstCourse, from: '2025-07', to: '2025-12' },
		breakdown: []
	},
	{ name: 'position × sex (gain)', filter: {}, breakdown: ['position', 'sex'] },
	// Issue 14's later shapes: a completion period (each month's counts checked by the
	// differencing guard, period-guard.ts) by governorate, and cohorts as rows.
	{
		name: 'completed in a half-year, by governorate',
		filter: { completedFrom: '2025-07', completedTo: '2025-12' },
		breakdown: ['governorate']
	},
	{ name: 'one course by cohort', filter: { courseId: firstCourse }, breakdown: ['cohort'] }
];

// Wall time is what a request waits; CPU time (this process, user + system) is what the query
// costs, and what wall time comes down to on a machine with a core to spare.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const time = (fn: () => unknown) => {
	fn();
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		const c = process.cpuUsage();
		fn();
		const used = process.cpuUsage(c);
		wall.push(performance.now() - t);
		cpu.push((used.user + used.system) / 1000);
	}
	return { median: median(wall), worst: Math.max(...wall), cpu: median(cpu) };
};

console.log(
	`${values.db}: ${String(count('user'))} users, ${String(count('enrolment'))} enrolments, ` +
		`${String(count('lesson_progress'))} progress rows, ${String(count('quiz_attempt'))} attempts`
);
console.log(
	`nproc ${String(os.cpus().length)}, load average ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}, ${String(runs)} runs after one warm-up`
);
const rows: { shape: string; median: number; worst: number; cpu: number }[] = [];
for (const s of shapes) {
	const r = time(() =>
		buildReport(db, { filter: s.filter, scope: 'all', breakdown: s.breakdown, k: 5 })
	);
	rows.push({ shape: s.name, ...r });
}
const m = time(() => moduleReport(db, { filter: {}, scope: 'all', k: 5 }));
rows.push({ shape: 'module pass rates', ...m });
console.log('shape                    wall median  wall worst  CPU median  CPU / 300 ms');
for (const r of rows) {
	const cell = (v: number) => v.toFixed(1).padStart(11);
	console.log(
		`${r.shape.padEnd(24)}${cell(r.median)} ${cell(r.worst)} ${cell(r.cpu)}  ${(r.cpu / CEILING_MS).toFixed(2).padStart(11)}`
	);
}
db.$client.close();
process.exitCode = rows.every((r) => r.cpu <= CEILING_MS) ? 0 : 1;
