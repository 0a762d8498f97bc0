// Fills a database with synthetic learners and their activity, for the report benchmarks.
// Usage: npm run db:synthetic -- --learners 100000 [--db PATH] [--seed N]
// The file is created (migrated, courses imported) if needed; it must hold no synthetic learner.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { importCourses } from '../lib/server/courses/import/import-courses.ts';
import { createDb } from '../lib/server/db/index.ts';
import { dropReportFacts, installReportFacts } from '../lib/server/reports/facts.ts';
import { fillSynthetic } from '../lib/server/synthetic/fill.ts';
import { commandConfig } from './config.ts';

const { values } = parseArgs({
	options: {
		learners: { type: 'string', default: '1000' },
		db: { type: 'string' },
		seed: { type: 'string', default: '1' }
	}
});
const learners = Number(values.learners);
const seed = Number(values.seed);
const config = commandConfig();
if (!config) {
	process.exitCode = 2;
} else if (!Number.isInteger(learners) || learners < 1 || !Number.isInteger(seed)) {
	console.error('--learners must be a positive whole number and --seed a whole number');
	process.exitCode = 2;
} else {
	// Never the configured database by default: synthetic learners do not belong in real data.
	const file = values.db ?? `db/data/synthetic-${String(learners)}.db`;
	const existed = fs.existsSync(file);
	const db = createDb(file);
	const imported = importCourses(db, { dir: config.coursesDir });
	console.log(`${existed ? 'Filling' : 'Created'} ${file}: ${String(imported.length)} courses.`);
	// A throwaway file: no fsync per batch (a crash means running the command again).
	db.$client.pragma('synchronous = OFF');
	db.$client.pragma('cache_size = -200000');
	// The summary table's triggers would refresh one enrolment per inserted row: rebuilt at the end.
	dropReportFacts(db);
	const started = performance.now();
	try {
		const counts = fillSynthetic(db, {
			learners,
			seed,
			onBatch: (done) => {
				process.stdout.write(`\r${String(done)} / ${String(learners)} learners`);
			}
		});
		const seconds = (performance.now() - started) / 1000;
		const rows = Object.values(counts).reduce((a, b) => a + b, 0);
		console.log('');
		for (const [name, n] of Object.entries(counts)) console.log(`${name.padEnd(14)} ${String(n)}`);
		console.log(
			`${String(rows)} rows in ${seconds.toFixed(1)} s (${String(Math.round(rows / seconds))} rows/s)`
		);
		const t = performance.now();
		installReportFacts(db);
		console.log(`report_fact filled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
	} catch (e) {
		console.error(e instanceof Error ? e.message : e);
		process.exitCode = 1;
	} finally {
		db.$client.close();
	}
}
