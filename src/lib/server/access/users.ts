import type { Actor } from './actor.ts';
import { isAdmin } from './actor.ts';

/** Listing accounts and changing anyone's role: admins only (the last admin rule is the domain's). */
export function canChangeRoles(actor: Actor): boolean {
	return isAdmin(actor);
}

/** Erasing an account, or downloading its data: the person themselves, or an admin for them. */
export function canEraseAccount(actor: Actor, target: { id: string }): boolean {
	return actor !== null && (actor.id === target.id || isAdmin(actor));
}

/** Reading the audit log and the system page: admins only. */
export function canAudit(actor: Actor): boolean {
	return isAdmin(actor);
}

/**
 * Making a one-time password link for someone else's account (no mail to send it by): admins.
 * Their own account goes through "forgot password" or the account page like anyone's.
 */
export function canCreateResetLink(actor: Actor, target: { id: string }): boolean {
	return isAdmin(actor) && actor?.id !== target.id;
}

/**
 * Finding a learner to add to a cohort: a trainer who runs it types a full email address and
 * gets at most that one account; nobody but admins browses the list of accounts.
 */
export function canFindLearnerByEmail(actor: Actor): boolean {
	return actor?.role === 'trainer' || isAdmin(actor);
}

/** Adding municipalities to the list (one by one or by CSV): admins only. */
export function canManageMunicipalities(actor: Actor): boolean {
	return isAdmin(actor);
}
