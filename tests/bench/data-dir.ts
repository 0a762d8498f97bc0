import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh data folder for a benchmark server. With BENCH_DB_TEMPLATE (a database file a server
 * of this version already imported the courses into), it starts from a copy of it: on a machine
 * loaded by other jobs the first import can outlast the helper's 30 s start-up wait.
 */
export function benchDataDir(dir?: string): string | undefined {
	const template = process.env.BENCH_DB_TEMPLATE;
	if (!template) return dir;
	const target = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-bench-'));
	const file = path.join(target, 'tamkeen.db');
	if (!fs.existsSync(file)) fs.copyFileSync(template, file);
	return target;
}
