// Review in the studio: who comments on a draft, who settles a comment, who settles a conflict
// between a studio-edited course and its files.
import { isAdmin, type Actor } from './actor.ts';
import { canEditDraft, type StudioMembership } from './studio.ts';

const STAFF = new Set(['trainer', 'admin']);

/** Comments on the draft's lessons: every studio role of the course (reviewers first of all). */
export const canComment = (actor: Actor, m: StudioMembership): boolean =>
	actor !== null && STAFF.has(actor.role) && m.roles.length > 0;

/** Resolves or reopens a comment: those who change the draft (owner, editor). */
export const canResolveComment = (actor: Actor, m: StudioMembership): boolean =>
	canEditDraft(actor, m);

/** Sees the conflicts between studio courses and `courses/` and chooses between them: admins. */
export const canDecideImportConflict = (actor: Actor): boolean => isAdmin(actor);
