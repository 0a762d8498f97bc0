import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Paraglide is compiled by scripts/i18n.mjs, not by its Vite plugin: the plugin keeps
// processes alive for ~25 s after builds and tests (see shared toolchain notes).
export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
		pool: 'forks',
		// The built app (hosted by Fastify in integration tests) is plain JS for Node:
		// Vite must not transform it again (it would recompile its *.svelte.js files).
		server: { deps: { external: [/\/build\/kit\//] } },
		fileParallelism: true
	}
});
