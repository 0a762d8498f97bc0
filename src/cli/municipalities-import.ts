// npm run municipalities:import -- FILE.csv
// Adds municipalities to the list people choose from (columns: code, governorate, name_ar,
// name_fr, name_en; a header row is optional). Every problem is printed with its line; a file
// with any problem saves nothing. Importing the same file again only updates names.
import fs from 'node:fs';
import { commandConfig } from './config.ts';
import { createDb } from '../lib/server/db/index.ts';
import { parseMunicipalities, saveMunicipalities } from '../lib/server/accounts/municipalities.ts';
import { describeCode } from '../lib/server/error-table.ts';

const usage = 'Usage: npm run municipalities:import -- FILE.csv';

function main(): number {
	const files = process.argv.slice(2).filter((a) => a !== '--');
	const file = files[0];
	if (!file || files.length > 1) {
		console.error(usage);
		return 2;
	}
	if (!fs.existsSync(file)) {
		console.error(`No such file: ${file}`);
		return 2;
	}
	const config = commandConfig();
	if (!config) return 2;
	const db = createDb(config.databaseUrl);
	try {
		const rows = parseMunicipalities(db, fs.readFileSync(file, 'utf8'));
		if (!rows?.length) {
			console.error(describeCode('municipality_file_unreadable', 'en').message);
			return 1;
		}
		const refused = rows.filter((r) => r.problems.length);
		for (const r of refused)
			console.error(
				`line ${String(r.line)}: ${r.problems.map((p) => describeCode(p, 'en').message).join(' ')}`
			);
		if (refused.length) {
			console.error(`Nothing saved: ${String(refused.length)} line(s) to fix.`);
			return 1;
		}
		const saved = saveMunicipalities(db, {
			rows: rows.flatMap((r) => (r.value ? [r.value] : [])),
			actorId: null
		});
		console.log(`Added ${String(saved.added)}, updated ${String(saved.updated)} municipalities.`);
		return 0;
	} finally {
		db.$client.close();
	}
}

process.exitCode = main();
