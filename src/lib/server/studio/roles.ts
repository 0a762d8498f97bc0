// Granting a course's studio roles. Every change is audited in the same transaction.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { courseRole, STUDIO_ROLES, user, type StudioRoleName } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import type { Locale } from '../text/localised.ts';

export type StudioRoleRow = {
	userId: string;
	name: string;
	email: string;
	role: StudioRoleName;
	languages: Locale[] | null;
};

/** Everyone holding a studio role on the course. */
export function listStudioRoles(db: Db, courseId: number): StudioRoleRow[] {
	return db
		.select({
			userId: user.id,
			name: user.name,
			email: user.email,
			role: courseRole.role,
			languages: courseRole.languages
		})
		.from(courseRole)
		.innerJoin(user, eq(user.id, courseRole.userId))
		.where(and(eq(courseRole.courseId, courseId), inArray(courseRole.role, [...STUDIO_ROLES])))
		.orderBy(asc(user.name), asc(courseRole.role))
		.all() as StudioRoleRow[];
}

/** Gives a trainer or admin (found by email) a studio role; a translator needs languages. */
export function grantStudioRole(
	db: Db,
	{
		actorId,
		courseId,
		email,
		role,
		languages,
		now = new Date()
	}: {
		actorId: string;
		courseId: number;
		email: string;
		role: StudioRoleName;
		languages: Locale[];
		now?: Date;
	}
): void {
	const target = db
		.select({ id: user.id, role: user.role })
		.from(user)
		.where(eq(user.email, email.trim().toLowerCase()))
		.get();
	if (!target) throw new DomainError('unknown_email', 'email');
	if (target.role !== 'trainer' && target.role !== 'admin')
		throw new DomainError('not_a_trainer', 'email');
	if (role === 'translator' && languages.length === 0)
		throw new DomainError('required', 'languages');
	const langs = role === 'translator' ? languages : null;
	db.transaction((tx) => {
		tx.insert(courseRole)
			.values({
				courseId,
				userId: target.id,
				role,
				languages: langs,
				grantedBy: actorId,
				createdAt: now
			})
			.onConflictDoUpdate({
				target: [courseRole.courseId, courseRole.userId, courseRole.role],
				set: { languages: langs, grantedBy: actorId }
			})
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.role.grant',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { userId: target.id, role, languages: langs }
			},
			now
		);
	});
}

/** Withdraws one studio role; the last owner stays (a course always has someone to publish it). */
export function revokeStudioRole(
	db: Db,
	{
		actorId,
		courseId,
		userId,
		role,
		now = new Date()
	}: { actorId: string; courseId: number; userId: string; role: StudioRoleName; now?: Date }
): void {
	if (role === 'owner') {
		const owners = listStudioRoles(db, courseId).filter((r) => r.role === 'owner');
		if (owners.length <= 1) throw new DomainError('last_owner');
	}
	db.transaction((tx) => {
		tx.delete(courseRole)
			.where(
				and(
					eq(courseRole.courseId, courseId),
					eq(courseRole.userId, userId),
					eq(courseRole.role, role)
				)
			)
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.role.revoke',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { userId, role }
			},
			now
		);
	});
}
