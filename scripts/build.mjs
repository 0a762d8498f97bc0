// Builds what `npm start` and the tests run: Paraglide messages, the subset Arabic font, the
// SvelteKit app (build/) and the Fastify server (dist-server/). Skips the work when nothing it
// reads has changed (a content hash, not file times, so a fresh clone or checkout is judged
// correctly).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const INPUTS = [
	'src',
	'messages',
	'courses',
	'scripts/fonts.mjs',
	'static',
	'db/migrations',
	'project.inlang/settings.json',
	'package.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'tsconfig.server.json',
	'scripts/i18n.mjs'
];
// Generated here (Paraglide's compiled messages, the subset fonts): outputs, not inputs.
const SKIP = [path.join('src', 'lib', 'paraglide'), path.join('src', 'lib', 'fonts', 'generated')];
const STAMP = path.join('dist-server', '.build-hash');

function files(p) {
	if (!fs.existsSync(p) || SKIP.includes(p)) return [];
	if (fs.statSync(p).isFile()) return [p];
	return fs
		.readdirSync(p)
		.sort()
		.flatMap((name) => files(path.join(p, name)));
}

function inputHash() {
	const h = createHash('sha256');
	for (const f of INPUTS.flatMap(files))
		h.update(f).update('\0').update(fs.readFileSync(f)).update('\0');
	return h.digest('hex');
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => path.join('node_modules', '.bin', name);

const LOCK = '.build.lock';

/** One build at a time per checkout (tests and `npm start` may ask together); waits for the other. */
function acquireLock() {
	for (;;) {
		try {
			fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
			return;
		} catch {
			const holder = Number(fs.readFileSync(LOCK, 'utf8')) || 0;
			let alive = false;
			try {
				process.kill(holder, 0);
				alive = true;
			} catch {
				// Its holder is gone (kill(pid, 0) threw): the lock is stale.
			}
			if (!alive) fs.rmSync(LOCK, { force: true });
			else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
		}
	}
}

acquireLock();
process.on('exit', () => fs.rmSync(LOCK, { force: true }));
const force = process.argv.includes('--force');
const hash = inputHash();
const fresh =
	!force &&
	fs.existsSync('build/kit/index.js') &&
	fs.existsSync('dist-server/server/main.js') &&
	fs.existsSync(STAMP) &&
	fs.readFileSync(STAMP, 'utf8') === hash;

if (fresh) {
	console.log('Build is up to date.');
} else {
	console.log('Building Tamkeen (about half a minute)…');
	const started = Date.now();
	run(process.execPath, ['scripts/i18n.mjs']);
	// The Arabic font keeps only the glyphs of messages and courses: rebuilt when they change.
	run(process.execPath, ['scripts/fonts.mjs']);
	run(bin('svelte-kit'), ['sync']);
	run(bin('vite'), ['build', '--logLevel', 'warn']);
	fs.rmSync('dist-server', { recursive: true, force: true });
	run(bin('tsc'), ['-p', 'tsconfig.server.json']);
	fs.writeFileSync(STAMP, hash);
	console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
