// npm run user:reset-link -- --email E
// Prints a one-time link (valid one hour) with which the account's owner chooses a new
// password, for installations that send no mail. The link is made from ORIGIN; using it ends
// every session of the account. Audited as made by the command line.
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { commandConfig } from './config.ts';
import { createDb } from '../lib/server/db/index.ts';
import { user } from '../lib/server/db/schema/index.ts';
import { normaliseEmail } from '../lib/server/input/accounts.ts';
import { createResetLink } from '../lib/server/accounts/password-recovery.ts';

const usage = 'Usage: npm run user:reset-link -- --email E';

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

function main() {
	let email: string | undefined;
	try {
		({ email } = parseArgs({ options: { email: { type: 'string' } } }).values);
	} catch (e) {
		fail(`${(e as Error).message}\n${usage}`);
	}
	if (!email?.trim()) fail(usage);
	const config = commandConfig();
	if (!config) process.exit(2);
	if (!config.originConfigured)
		console.error(
			`ORIGIN is not set: the link below uses ${config.origin.origin}. Set ORIGIN to the public address people open.`
		);
	const db = createDb(config.databaseUrl);
	try {
		const address = normaliseEmail(email);
		const found = db.select({ id: user.id }).from(user).where(eq(user.email, address)).get();
		const link = found
			? createResetLink(db, { actorId: null, userId: found.id, origin: config.origin })
			: null;
		if (!link) fail(`No account with ${address}.`);
		console.log(`One-time link for ${link.name} <${link.email}> (valid one hour, works once):`);
		console.log(link.url);
	} finally {
		db.$client.close();
	}
}

main();
