import type { Config } from '../lib/server/config.ts';
import type { Db } from '../lib/server/db/index.ts';
import { issueFirstAdminToken } from '../lib/server/accounts/first-admin.ts';

/** Prints where the server listens and how to sign in (or set up the first administrator). */
export function announce(db: Db, config: Config, port: string): void {
	// Tests and scripts read this line to find a random port.
	console.log(`listening http://${config.host}:${port}`);
	// With PORT=0 the real port is only known now.
	const publicUrl = config.originConfigured ? config.origin.origin : `http://localhost:${port}`;
	console.log(`Tamkeen is running at ${publicUrl}`);

	const token = issueFirstAdminToken(db);
	if (token) {
		console.log(
			`\nNo administrator yet. Open this one-time link to create the first admin account:\n  ${publicUrl}/setup/${token}\n(valid 24 hours; a new link is printed at each start until an admin exists)\n`
		);
	} else {
		console.log(`Sign in at ${publicUrl}/ar/signin (or /fr/signin, /en/signin).`);
	}
}
