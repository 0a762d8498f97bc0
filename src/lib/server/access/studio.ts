// The studio's rules: a course's draft is governed by its course roles (owner, editor,
// translator with languages, reviewer); admins assign the roles and read every draft.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { courseRole, STUDIO_ROLES, type StudioRoleName } from '../db/schema/index.ts';
import type { Locale } from '../text/localised.ts';
import { isAdmin, type Actor } from './actor.ts';

/** The acting user's studio roles on one course. */
export type StudioMembership = {
	courseId: number;
	roles: { role: StudioRoleName; languages: Locale[] | null }[];
};

/** What `actor` is for the course's draft (no roles for a visitor). */
export function studioMembership(db: DbLike, actor: Actor, courseId: number): StudioMembership {
	if (!actor) return { courseId, roles: [] };
	const roles = db
		.select({ role: courseRole.role, languages: courseRole.languages })
		.from(courseRole)
		.where(
			and(
				eq(courseRole.courseId, courseId),
				eq(courseRole.userId, actor.id),
				inArray(courseRole.role, [...STUDIO_ROLES])
			)
		)
		.all() as StudioMembership['roles'];
	return { courseId, roles };
}

// Studio roles are for trainers and admins: a learner given one by mistake gains nothing.
const staff = (actor: Actor): boolean => actor?.role === 'trainer' || isAdmin(actor);
const has = (actor: Actor, m: StudioMembership, ...roles: StudioRoleName[]): boolean =>
	staff(actor) && m.roles.some((r) => roles.includes(r.role));

/** Trainers and admins may start a new course (and become its owner). */
export const canCreateCourse = (actor: Actor): boolean => staff(actor);

/** Sees the draft and its preview: every studio role, and admins. */
export const canReadDraft = (actor: Actor, m: StudioMembership): boolean =>
	isAdmin(actor) || has(actor, m, 'owner', 'editor', 'translator', 'reviewer');

/** Changes the draft's structure, metadata and lessons in any language. */
export const canEditDraft = (actor: Actor, m: StudioMembership): boolean =>
	has(actor, m, 'owner', 'editor');

/** Changes the lessons in `lang`: editors, and translators given that language. */
export const canTranslate = (actor: Actor, m: StudioMembership, lang: Locale): boolean =>
	canEditDraft(actor, m) ||
	(staff(actor) &&
		m.roles.some((r) => r.role === 'translator' && (r.languages ?? []).includes(lang)));

/** Publishes the draft as a new version: the owner alone. */
export const canPublish = (actor: Actor, m: StudioMembership): boolean => has(actor, m, 'owner');

/** Grants and withdraws the course's studio roles: its owner, and admins. */
export const canManageRoles = (actor: Actor, m: StudioMembership): boolean =>
	isAdmin(actor) || has(actor, m, 'owner');
