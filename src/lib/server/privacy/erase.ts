import type { Db } from '../db/index.ts';
import { recordAudit } from '../audit/log.ts';
import { generateId } from '../auth/token.ts';
import { DomainError } from '../errors.ts';
import { scrubAuditEntries } from './audit-scrub.ts';
import { TABLE_HANDLERS } from './tables.ts';

/** For each certificate: keep it verifiable with the holder's name, or revoke it and unname it. */
export type CertificateChoice = 'keep' | 'revoke';

/** Stored as a revocation reason; the verify page says it in the reader's language. */
export const ERASURE_REASON = 'erasure';

export type ErasureResult = { anonymousId: string; kept: string[]; revoked: string[] };

const erasedEmail = (id: string) => `erased-${id}@erased.invalid`;

/**
 * Erases a person at their request (or an admin's, for a request made offline): in one
 * transaction, each table handler (tables.ts) erases or anonymises its rows, submitted attempts
 * and progress move to a fresh anonymous account so results and item analysis keep counting
 * them, certificates follow the holder's choices (unchosen ones are revoked), earlier audit
 * entries lose the person's details, and the account row is emptied: it can never sign in again.
 * The erasure is audited with counts and certificate codes, never with what was erased.
 */
export function eraseAccount(
	db: Db,
	{
		userId,
		actorId,
		choices = {},
		ip = null,
		now = new Date()
	}: {
		userId: string;
		actorId: string;
		choices?: Record<string, CertificateChoice>;
		/** The acting admin's address; a person erasing themselves leaves none. */
		ip?: string | null;
		now?: Date;
	}
): ErasureResult {
	const sql = db.$client;
	return sql.transaction(() => {
		const person = sql
			.prepare('select email, role, erased_at from user where id = ?')
			.get(userId) as { email: string; role: string; erased_at: number | null } | undefined;
		if (person?.erased_at !== null) throw new DomainError('not_found');
		if (person.role === 'admin') {
			const admins = sql
				.prepare(`select count(*) as n from user where role = 'admin' and erased_at is null`)
				.get() as { n: number };
			if (admins.n <= 1) throw new DomainError('last_admin');
		}
		const t = now.getTime();
		const anonymousId = generateId();
		sql
			.prepare(
				`insert into user (id, email, name, password_hash, role, locale, created_at, updated_at, erased_at)
				 values (?, ?, '', '!', 'learner', 'ar', ?, ?, ?)`
			)
			.run(anonymousId, erasedEmail(anonymousId), t, t, t);

		const certificates = sql
			.prepare('select code, revoked_at from certificate where user_id = ?')
			.all(userId) as { code: string; revoked_at: number | null }[];
		const kept = certificates
			.filter((c) => c.revoked_at === null && choices[c.code] === 'keep')
			.map((c) => c.code);
		const unnamed = certificates.filter((c) => !kept.includes(c.code));
		const revoked = unnamed.filter((c) => c.revoked_at === null).map((c) => c.code);
		const revoke = sql.prepare(
			`update certificate set revoked_at = coalesce(revoked_at, ?), revoked_by = coalesce(revoked_by, ?),
			   revoked_reason = coalesce(revoked_reason, ?), snapshot = json_set(snapshot, '$.holderName', '')
			 where code = ?`
		);
		for (const c of unnamed) revoke.run(t, actorId, ERASURE_REASON, c.code);

		for (const h of TABLE_HANDLERS) h.erase({ sql, userId, anonymousId, now: t });
		scrubAuditEntries(sql, { userId, certificateCodes: unnamed.map((c) => c.code) });
		// Sign-in throttling keys name the account's email.
		sql
			.prepare(`delete from login_throttle where key like ? escape '\\'`)
			.run(`pair:${person.email.replace(/[\\%_]/g, (x) => `\\${x}`)}|%`);
		sql
			.prepare(
				`update user set name = '', email = ?, password_hash = '!', role = 'learner', position = null,
				   governorate_id = null, municipality_id = null, municipality_other = null, gender = null, updated_at = ?, erased_at = ?
				 where id = ?`
			)
			.run(erasedEmail(userId), t, t, userId);

		for (const code of revoked)
			recordAudit(
				db,
				{
					actorId,
					action: 'certificate.revoke',
					subjectType: 'certificate',
					subjectId: code,
					details: { reason: ERASURE_REASON }
				},
				now
			);
		recordAudit(
			db,
			{
				actorId,
				action: 'user.erase',
				subjectType: 'user',
				subjectId: userId,
				details: { by: actorId === userId ? 'self' : 'admin', kept, revoked },
				ip: actorId === userId ? null : ip
			},
			now
		);
		return { anonymousId, kept, revoked };
	})();
}
