// Which greeting the home page gives a signed-in person: "welcome back" only to someone who has
// started learning here; a new account gets its first steps instead (issue 11 §11).
import { eq } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { enrolment } from '../db/schema/index.ts';

export type Welcome = 'first-steps' | 'returning';

/** 'returning' once the user is enrolled in a course, else 'first-steps'. */
export function welcomeFor(db: DbLike, { userId }: { userId: string }): Welcome {
	const any = db
		.select({ id: enrolment.userId })
		.from(enrolment)
		.where(eq(enrolment.userId, userId))
		.limit(1)
		.get();
	return any ? 'returning' : 'first-steps';
}
