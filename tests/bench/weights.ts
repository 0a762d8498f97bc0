// npm run bench:weight (tsx tests/bench/weights.ts after a build): page weights in Chromium
// and Lighthouse mobile LCP, appended to tests/bench/RESULTS.md. `npm run bench` runs it too.
import fs from 'node:fs';
import os from 'node:os';
import { startServer } from '../helpers/server.ts';
import { measureWeights, signedInLearner, weightTable, weightTargets } from './page-weight.ts';
import { lcpTable, measureLcp } from './lcp.ts';

const COURSE = 'participatory-governance';

/** Measures page weights and LCP against a fresh server; returns the Markdown lines to record. */
export async function weightSection(): Promise<string[]> {
	const server = await startServer();
	try {
		const cookie = await signedInLearner(server.url, COURSE);
		const targets = await weightTargets(server.url, COURSE, cookie);
		const rows = await measureWeights(server.url, targets, cookie);
		for (const w of rows)
			console.log(
				`${w.name}: ${(w.withoutFonts / 1024).toFixed(1)} KB without fonts, fonts ${(w.fonts / 1024).toFixed(1)} KB`
			);
		const lesson = targets.find((t) => t.name === 'lesson');
		const lcp = await measureLcp(server.url, [
			{ name: 'home', path: '/ar' },
			...(lesson ? [{ name: 'lesson', path: lesson.path, cookie }] : [])
		]);
		for (const r of lcp) console.log(`${r.name}: LCP ${(r.lcpMs / 1000).toFixed(2)} s`);
		return [...weightTable(rows), '', ...lcpTable(lcp)];
	} finally {
		await server.stop();
	}
}

function machine(): string {
	return `${os.cpus().length} cores (nproc ${os.availableParallelism()}), Node ${process.version}, machine shared with other helper jobs (numbers are noisy)`;
}

async function main() {
	const lines = await weightSection();
	const section = [
		'',
		`## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — page weights — ${machine()}`,
		'',
		...lines,
		''
	].join('\n');
	fs.appendFileSync('tests/bench/RESULTS.md', section);
	console.log(section);
}

if (import.meta.url === `file://${process.argv[1]}`)
	main().catch((e: unknown) => {
		console.error(e);
		process.exit(1);
	});
