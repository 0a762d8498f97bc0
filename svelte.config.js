import fs from 'node:fs';
import adapterNode from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * adapter-node, plus an unbundled copy of the server with stable entry points
 * (build/kit/index.js exports Server, build/kit/manifest.js the manifest):
 * Fastify hosts that Server class directly (src/server/kit.ts), and adapter-node
 * bundles it into hashed chunks that cannot be imported by name.
 */
function adapter() {
	const node = adapterNode({ precompress: true });
	return {
		...node,
		name: 'tamkeen-adapter-node',
		async adapt(builder) {
			await node.adapt(builder);
			const out = 'build/kit';
			builder.rimraf(out);
			builder.writeServer(out);
			const manifest = builder.generateManifest({ relativePath: './' });
			fs.writeFileSync(`${out}/manifest.js`, `export const manifest = ${manifest};\n`);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// Absolute asset URLs (/_app/…): relative ones grow with the path's depth, and a deep
		// hostile path made the preload `link` header pass 16 KB, which clients refuse to read.
		paths: { relative: false },
		// Kit adds hashes/nonces for its own inline scripts, so no 'unsafe-inline' script is ever needed.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
