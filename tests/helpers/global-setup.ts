import { execFileSync } from 'node:child_process';

/**
 * Integration and browser tests run the built app: build it once, only if sources changed.
 * SKIP_BUILD=1 skips this for a quick run of unit tests alone.
 */
export default function setup() {
	if (process.env.SKIP_BUILD === '1') return;
	execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
