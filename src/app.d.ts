import type { AppContext } from './server/context.ts';
import type { SessionUser } from './lib/server/auth/session.ts';
import type { Locale } from './lib/server/text/localised.ts';

declare global {
	namespace App {
		interface Locals {
			ctx: AppContext;
			locale: Locale;
			user: SessionUser | null;
			/** Hash id of the current session, when signed in. */
			sessionId: string | null;
			/** Set by handleError when a DomainError went uncaught: the status it maps to. */
			refusedStatus?: number;
			/** Set by the erasure action: the page that confirms it is shown signed out. */
			accountErased?: boolean;
		}
		interface Platform {
			/** Database and configuration, handed over by the Fastify host (src/server/kit.ts). */
			ctx?: AppContext;
			/** Filled by hooks.server.ts with the matched route id (the host's logs and metrics). */
			route?: { id: string | null };
			/** The content version the host read for this request (courses/cache.ts). */
			contentVersion?: number;
		}
		interface Error {
			message: string;
			errorId?: string;
			/** A domain refusal's code and status (the response carries the status too). */
			code?: string;
			status?: number;
		}
	}
}

export {};
