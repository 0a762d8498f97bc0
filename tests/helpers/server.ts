import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type RunningServer = {
	url: string;
	dir: string;
	dbFile: string;
	output: () => string;
	stop: (signal?: NodeJS.Signals) => Promise<number | null>;
	process: ChildProcess;
};

/** How many processes a started server runs in: TEST_WORKERS, default 1. */
export const testWorkers = (): string => process.env.TEST_WORKERS ?? '1';

/**
 * Starts the built server (`node dist-server/server/main.js`) on a random port with its own
 * database; in WORKERS=TEST_WORKERS processes (default 1).
 */
export async function startServer({
	env = {},
	dir
}: { env?: Record<string, string>; dir?: string } = {}): Promise<RunningServer> {
	const workDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-server-'));
	const dbFile = path.join(workDir, 'tamkeen.db');
	const child = spawn(process.execPath, ['dist-server/server/main.js'], {
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			DATABASE_URL: dbFile,
			LOG_LEVEL: 'warn',
			RATE_LIMIT_PER_MINUTE: '0',
			// One process unless the run asks for the cluster: TEST_WORKERS=2 npx vitest run …
			WORKERS: testWorkers(),
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr.on('data', (d: Buffer) => (out += d.toString()));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`server did not start:\n${out}`));
		}, 60_000);
		const check = () => {
			const match = /listening (http:\/\/[\d.]+:\d+)/.exec(out);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]!);
			}
		};
		child.stdout.on('data', check);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${out}`));
		});
	});
	return {
		url,
		dir: workDir,
		dbFile,
		output: () => out,
		process: child,
		stop: (signal = 'SIGTERM') =>
			new Promise((resolve) => {
				if (child.exitCode !== null) {
					resolve(child.exitCode);
					return;
				}
				child.once('exit', (code) => {
					resolve(code);
				});
				child.kill(signal);
			})
	};
}

/** Waits until the server has printed something matching `pattern`; returns the match. */
export async function waitForOutput(
	server: RunningServer,
	pattern: RegExp,
	ms = 10_000
): Promise<RegExpMatchArray> {
	const until = Date.now() + ms;
	for (;;) {
		const match = server.output().match(pattern);
		if (match) return match;
		if (Date.now() > until) throw new Error(`no ${pattern} in server output:\n${server.output()}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}
