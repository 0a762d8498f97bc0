import fs from 'node:fs';
import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/**
 * Test files that start the built server as a child process (tests/helpers/server.ts): they
 * run a second time with WORKERS=2 (issue 15), so sessions, caches, rate limits and writes are
 * also tested across processes. Found by reading the files, so a new one joins by itself; a
 * file that sets WORKERS itself (server/workers.test.ts) runs once.
 */
function serverTests(): string[] {
	return fs
		.readdirSync('tests', { recursive: true, encoding: 'utf8' })
		.map((name) => path.join('tests', name))
		.filter((p) => {
			if (!p.endsWith('.test.ts')) return false;
			const text = fs.readFileSync(p, 'utf8');
			// A file that sets WORKERS itself has chosen its processes already.
			return text.includes('startServer(') && !/\bWORKERS: '/.test(text);
		})
		.map((p) => p.split(path.sep).join('/'))
		.sort();
}

// Paraglide is compiled by scripts/i18n.mjs, not by its Vite plugin: the plugin keeps
// processes alive for ~25 s after builds and tests (see shared toolchain notes).
export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
		pool: 'forks',
		// The built app (hosted by Fastify in integration tests) is plain JS for Node:
		// Vite must not transform it again (it would recompile its *.svelte.js files).
		server: { deps: { external: [/\/build\/kit\//] } },
		fileParallelism: true,
		projects: [
			{ extends: true, test: { name: 'all', include: ['tests/**/*.test.ts'] } },
			{
				extends: true,
				test: { name: 'workers-2', include: serverTests(), env: { TEST_WORKERS: '2' } }
			}
		]
	}
});
