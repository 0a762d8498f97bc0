// Creates the simulated learners directly in the database (one shared password hash, so seeding
// 2,000 accounts takes seconds, not the minutes 2,000 argon2 hashes would): user, session, enrolment.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createDb, schema } from '../../../src/lib/server/db/index.ts';
import { createSession, SESSION_COOKIE } from '../../../src/lib/server/auth/session.ts';
import { hashPassword } from '../../../src/lib/server/auth/password.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';

export type Learner = { i: number; cookie: string; locale: 'ar' | 'fr' };

/** Seeds `count` enrolled learners in `courseSlug`; returns their session cookies. */
export async function seedLearners(
	dbFile: string,
	{ count, courseSlug }: { count: number; courseSlug: string }
): Promise<Learner[]> {
	const db = createDb(dbFile);
	try {
		const passwordHash = await hashPassword('load test passphrase');
		const course = db.select().from(schema.course).where(eq(schema.course.slug, courseSlug)).get();
		if (!course) throw new Error(`course ${courseSlug} is not in the database`);
		const now = new Date();
		return db.transaction(() =>
			Array.from({ length: count }, (_, i): Learner => {
				const locale = i % 2 === 0 ? 'ar' : 'fr';
				const id = randomUUID();
				db.insert(schema.user)
					.values({
						id,
						email: `load.${i}.${now.getTime()}@example.tn`,
						name: `Learner ${i}`,
						passwordHash,
						locale,
						createdAt: now,
						updatedAt: now
					})
					.run();
				enrol(db, { userId: id, courseId: course.id, now });
				const { token } = createSession(db, { userId: id, now });
				return { i, cookie: `${SESSION_COOKIE}=${token}`, locale };
			})
		);
	} finally {
		db.$client.close();
	}
}
