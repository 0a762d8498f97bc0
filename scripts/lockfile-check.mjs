// Fails loudly, naming each disagreement, when package-lock.json does not match package.json.
// CI runs it before `npm install` (which would otherwise quietly rewrite the lockfile) and
// `.ci/run` compares the lockfile after the install as a second check.
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const root = lock.packages?.[''] ?? {};
const problems = [];

for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
	const wanted = pkg[field] ?? {};
	const locked = root[field] ?? {};
	for (const [name, spec] of Object.entries(wanted)) {
		if (locked[name] !== spec) {
			problems.push(
				`${field}.${name}: package.json wants "${spec}", lockfile records "${locked[name] ?? '(absent)'}"`
			);
			continue;
		}
		// Dependencies are pinned exactly, so the installed version must be that very version.
		const entry = lock.packages?.[`node_modules/${name}`];
		if (!entry) problems.push(`${name}: no node_modules/${name} entry in the lockfile`);
		else if (/^\d+\.\d+\.\d+/.test(spec) && entry.version !== spec)
			problems.push(`${name}: pinned to ${spec}, lockfile installs ${entry.version}`);
	}
	for (const name of Object.keys(locked)) {
		if (!(name in wanted)) problems.push(`${field}.${name}: in the lockfile, not in package.json`);
	}
}

if (problems.length > 0) {
	console.error('package-lock.json disagrees with package.json:');
	for (const p of problems) console.error(`  - ${p}`);
	console.error('Run `npm install` on this machine kind and commit the lockfile it writes.');
	process.exit(1);
}
console.log('package-lock.json agrees with package.json.');
