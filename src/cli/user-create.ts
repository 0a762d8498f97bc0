// npm run user:create -- --email E --name N --role admin|trainer|learner --password-stdin [--locale ar|fr|en]
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/server/config.ts';
import { createDb } from '../lib/server/db/index.ts';
import { createUser } from '../lib/server/accounts/users.ts';
import { normaliseEmail, parseRegistration } from '../lib/server/input/accounts.ts';
import { MIN_PASSWORD_LENGTH } from '../lib/server/auth/password.ts';
import { ROLES, type Role } from '../lib/server/db/schema/index.ts';
import { DomainError } from '../lib/server/errors.ts';

const usage =
	'Usage: npm run user:create -- --email E --name N --role admin|trainer|learner --password-stdin [--locale ar|fr|en]';

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	// One line: a trailing newline from `echo` is not part of the password.
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

// The schema's codes, in the operator's words (the web forms translate the same codes).
const CLI_TEXT: Record<string, string> = {
	password_too_short: `the password needs at least ${String(MIN_PASSWORD_LENGTH)} characters.`,
	password_too_long: 'the password is too long.'
};

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

async function main() {
	const { values } = parseArgs({
		options: {
			email: { type: 'string' },
			name: { type: 'string' },
			role: { type: 'string', default: 'learner' },
			locale: { type: 'string', default: 'ar' },
			'password-stdin': { type: 'boolean', default: false }
		}
	});
	if (!values.email || !values.name) fail(usage);
	if (!ROLES.includes(values.role as Role))
		fail(`--role must be one of ${ROLES.join(', ')}\n${usage}`);
	// Passwords never go on the command line, where `ps` and shell history would keep them.
	if (!values['password-stdin'])
		fail(`Give the password on standard input with --password-stdin.\n${usage}`);
	const password = await readStdin();
	const form = new Map<string, string>([
		['email', values.email],
		['name', values.name],
		['locale', values.locale],
		['password', password]
	]);
	const parsed = parseRegistration(form);
	if (!parsed.ok)
		fail(
			Object.entries(parsed.errors)
				.map(([f, c]) => `${f}: ${CLI_TEXT[c] ?? c}`)
				.join('\n')
		);

	const config = loadConfig();
	const db = createDb(config.databaseUrl);
	try {
		const user = await createUser(db, {
			...parsed.value,
			role: values.role as Role,
			actorId: null
		});
		console.log(`Created ${user.role} ${normaliseEmail(user.email)} (id ${user.id}).`);
	} catch (e) {
		if (e instanceof DomainError && e.code === 'email_taken')
			fail(`An account with ${values.email} already exists.`);
		throw e;
	} finally {
		db.$client.close();
	}
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
