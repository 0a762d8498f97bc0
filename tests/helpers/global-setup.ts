import { execFileSync } from 'node:child_process';

/** Integration and browser tests run the built app: build it once, only if sources changed. */
export default function setup() {
	execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
