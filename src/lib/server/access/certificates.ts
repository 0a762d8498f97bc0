import type { Actor } from './actor.ts';
import { isAdmin } from './actor.ts';

/** The PDF and the signed credential: the holder, and admins (who answer for certificates). */
export function canDownloadCertificate(actor: Actor, cert: { userId: string }): boolean {
	return actor !== null && (actor.id === cert.userId || isAdmin(actor));
}

/** Revoking a certificate (and seeing every one issued): admins only. */
export function canRevokeCertificate(actor: Actor): boolean {
	return isAdmin(actor);
}
