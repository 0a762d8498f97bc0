import { createUser } from '../../../src/lib/server/accounts/users.ts';
import type { Db } from '../../../src/lib/server/db/index.ts';
import type { Role } from '../../../src/lib/server/db/schema/index.ts';

/** An account of `role` (no sign-in): id, role and email, as the access rules take an actor. */
export async function account(db: Db, email: string, role: Role = 'learner') {
	const u = await createUser(db, {
		email,
		name: email.slice(0, email.indexOf('@')),
		password: 'a cohort passphrase',
		locale: 'fr',
		role,
		position: null,
		governorateId: null,
		municipalityId: null,
		gender: null
	});
	return { id: u.id, role, email };
}
