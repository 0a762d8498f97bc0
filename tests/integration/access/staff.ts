import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/lib/server/db/index.ts';
import { course, type Role } from '../../../src/lib/server/db/schema/index.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { cookiesFrom } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';

const PASSWORD = 'a staff passphrase';

/** An account of `role`, signed in through the sign-in form; returns its id and cookie. */
export async function signedIn(app: FastifyInstance, db: Db, email: string, role: Role) {
	const u = await createUser(db, {
		email,
		name: email.slice(0, email.indexOf('@')),
		password: PASSWORD,
		locale: 'fr',
		role,
		position: null,
		governorateId: null,
		municipalityId: null,
		gender: null
	});
	const res = await postForm(app, '/fr/signin', { email, password: PASSWORD });
	return { id: u.id, cookie: cookiesFrom(res.headers) };
}

export function courseIdOf(db: Db, slug: string): number {
	const row = db.select({ id: course.id }).from(course).where(eq(course.slug, slug)).get();
	if (!row) throw new Error(`no course ${slug}`);
	return row.id;
}
