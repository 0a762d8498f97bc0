import type { Role } from '../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/** Who is acting: the signed-in user (SessionUser fits), or null for a visitor. */
export type Actor = { id: string; role: Role; email: string } | null;

export const isAdmin = (actor: Actor): boolean => actor?.role === 'admin';

/**
 * Turns a rule's verdict into a refusal the error table answers: 403 by default, or 404 where
 * saying "not yours" would tell that the thing exists.
 */
export function allow(
	verdict: boolean,
	code: 'forbidden' | 'not_found' = 'forbidden'
): asserts verdict {
	if (!verdict) throw new DomainError(code);
}
