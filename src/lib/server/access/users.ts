import type { Actor } from './actor.ts';
import { isAdmin } from './actor.ts';

/** Listing accounts and changing anyone's role: admins only (the last admin rule is the domain's). */
export function canChangeRoles(actor: Actor): boolean {
	return isAdmin(actor);
}
