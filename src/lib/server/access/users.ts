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

/** Adding municipalities to the list (one by one or by CSV): admins only. */
export function canManageMunicipalities(actor: Actor): boolean {
	return isAdmin(actor);
}
