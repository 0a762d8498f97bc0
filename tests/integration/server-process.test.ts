import { spawnSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startServer, waitForOutput } from '../helpers/server.ts';

describe('the server process', () => {
	it('migrates a new database, prints the first-admin link, serves, and stops cleanly on SIGTERM', async () => {
		const server = await startServer();
		const link = (await waitForOutput(server, /(http:\/\/localhost:\d+\/setup\/[a-z2-7]{32})/))[1];
		expect(link).toBeTruthy();
		const setup = await fetch(link!, { redirect: 'manual', headers: { 'accept-language': 'fr' } });
		expect(setup.status).toBe(307);
		expect(setup.headers.get('location')).toMatch(/\/fr\/setup\/[a-z2-7]{32}$/);
		const health = await fetch(`${server.url}/healthz`);
		expect(await health.json()).toEqual({ status: 'ok' });
		// A request in flight when SIGTERM arrives still gets its answer: send half a form post,
		// stop the server, then send the rest.
		const body = 'email=slow%40example.tn&password=not-the-right-one';
		const answer = new Promise<number>((resolve, reject) => {
			const req = http.request(
				`${server.url}/en/signin`,
				{
					method: 'POST',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						'content-length': body.length,
						origin: server.url,
						accept: 'text/html'
					}
				},
				(res) => {
					res.resume();
					res.on('end', () => {
						resolve(res.statusCode ?? 0);
					});
				}
			);
			req.on('error', reject);
			req.write(body.slice(0, 10));
			setTimeout(() => {
				const stopped = server.stop('SIGTERM');
				setTimeout(() => req.end(body.slice(10)), 300);
				void stopped;
			}, 200);
		});
		expect(await answer).toBe(400);
		const code = await server.stop('SIGTERM');
		expect(code).toBe(0);
		const db = new Database(server.dbFile, { readonly: true });
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.prepare('select count(*) as n from governorate').get()).toEqual({ n: 24 });
		db.close();
	});

	it('refuses a bad configuration with a readable message', () => {
		const r = spawnSync(process.execPath, ['dist-server/server/main.js'], {
			env: { ...process.env, PORT: 'eighty' },
			encoding: 'utf8'
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('Configuration error: PORT must be a whole number');
	});
});

describe('npm run user:create', () => {
	const run = (args: string[], input: string, dbFile: string) =>
		spawnSync('node_modules/.bin/tsx', ['src/cli/user-create.ts', ...args], {
			input,
			encoding: 'utf8',
			env: { ...process.env, DATABASE_URL: dbFile }
		});

	it('creates an account with the password read from standard input', () => {
		const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-cli-')), 'cli.db');
		const ok = run(
			['--email', 'Trainer@Example.tn', '--name', 'Sami', '--role', 'trainer', '--password-stdin'],
			'trainer passphrase\n',
			dbFile
		);
		expect(ok.stderr).toBe('');
		expect(ok.stdout).toMatch(/Created trainer trainer@example\.tn/);
		const db = new Database(dbFile, { readonly: true });
		const row = db
			.prepare('select role, password_hash from user where email = ?')
			.get('trainer@example.tn') as { role: string; password_hash: string };
		expect(row.role).toBe('trainer');
		expect(row.password_hash).toMatch(/^\$argon2id\$/);
		db.close();
		const again = run(
			['--email', 'trainer@example.tn', '--name', 'Sami', '--password-stdin'],
			'trainer passphrase',
			dbFile
		);
		expect(again.status).toBe(2);
		expect(again.stderr).toContain('already exists');
	});

	it('refuses a short password, a bad role and a password on the command line', () => {
		const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-cli-')), 'cli.db');
		expect(
			run(['--email', 'a@b.tn', '--name', 'A', '--password-stdin'], 'short', dbFile).stderr
		).toContain('at least 10 characters');
		expect(
			run(
				['--email', 'a@b.tn', '--name', 'A', '--role', 'king', '--password-stdin'],
				'long enough pass',
				dbFile
			).stderr
		).toContain('--role must be one of');
		expect(run(['--email', 'a@b.tn', '--name', 'A'], '', dbFile).stderr).toContain(
			'--password-stdin'
		);
	});
});
