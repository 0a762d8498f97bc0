// npm run cohort:import -- --course SLUG --cohort NAME FILE.csv
// Adds a roster to a cohort (created if the course has none of that name): new emails get an
// account and a one-time "set your password" link, printed here for the operator to hand out.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { commandConfig } from './config.ts';
import { createDb } from '../lib/server/db/index.ts';
import { cohort, course } from '../lib/server/db/schema/index.ts';
import { parseRoster } from '../lib/server/cohorts/roster-parse.ts';
import { applyRoster } from '../lib/server/cohorts/roster-apply.ts';

const usage =
	'Usage: npm run cohort:import -- --course SLUG --cohort NAME [--locale ar|fr|en] FILE.csv';

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

function main() {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				course: { type: 'string' },
				cohort: { type: 'string' },
				locale: { type: 'string', default: 'ar' }
			}
		});
	} catch (e) {
		fail(`${(e as Error).message}\n${usage}`);
	}
	const { values, positionals } = parsed;
	const file = positionals[0];
	if (!values.course || !values.cohort?.trim() || !file || positionals.length > 1) fail(usage);
	const locale = values.locale;
	if (locale !== 'ar' && locale !== 'fr' && locale !== 'en')
		fail(`--locale must be ar, fr or en\n${usage}`);
	if (!fs.existsSync(file)) fail(`No such file: ${file}`);
	const config = commandConfig();
	if (!config) process.exit(2);
	const db = createDb(config.databaseUrl);
	try {
		const c = db.select().from(course).where(eq(course.slug, values.course)).get();
		if (!c) fail(`No course "${values.course}".`);
		const name = values.cohort.trim();
		const now = new Date();
		const target =
			db
				.select()
				.from(cohort)
				.where(and(eq(cohort.courseId, c.id), eq(cohort.name, name)))
				.get() ??
			db
				.insert(cohort)
				.values({ courseId: c.id, name, createdAt: now, updatedAt: now })
				.returning()
				.get();
		const rows = parseRoster(db, fs.readFileSync(file, 'utf8'));
		if (!rows) fail(`${file} is not a CSV file this command can read.`);
		const { counts, links } = applyRoster(db, { actorId: null, cohortId: target.id, rows, locale });
		for (const r of rows)
			if (r.problems.length) console.error(`line ${String(r.line)}: ${r.problems.join(', ')}`);
		for (const l of links)
			console.log(
				`${l.email}\t${new URL(`/${l.locale}/set-password/${l.token}`, config.origin).href}`
			);
		console.log(
			`created ${String(counts.created)}, updated ${String(counts.updated)}, unchanged ${String(counts.unchanged)}, refused ${String(counts.refused)}`
		);
	} finally {
		db.$client.close();
	}
}

main();
