// Personal access tokens: a scope is granted only to someone who may already do what it allows.
import type { TokenScope } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';
import { canViewReports } from './reports.ts';

/** Whether the actor may hold a token with this scope (checked at creation and at every use). */
export function canHoldScope(actor: Actor, scope: TokenScope): boolean {
	const rules: Record<TokenScope, (a: Actor) => boolean> = { 'reports:read': canViewReports };
	return rules[scope](actor);
}

/** The scopes the actor may put on a new token (empty: the page explains there are none). */
export function grantableScopes(actor: Actor, scopes: readonly TokenScope[]): TokenScope[] {
	return scopes.filter((s) => canHoldScope(actor, s));
}
