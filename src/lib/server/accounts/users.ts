import { eq, count } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { governorate, municipality, user, type Role, type User } from '../db/schema/index.ts';
import { generateId } from '../auth/token.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password.ts';
import { passwordAttemptWait, recordRightPassword, recordWrongPassword } from '../auth/throttle.ts';
import { DomainError } from '../errors.ts';
import { recordAudit } from '../audit/log.ts';
import { normaliseEmail, type ProfileInput, type RegisterInput } from '../input/accounts.ts';

export type PublicUser = Omit<User, 'passwordHash'>;

export function toPublic(u: User): PublicUser {
	const { passwordHash: _, ...rest } = u;
	return rest;
}

/**
 * Places are references: each must exist (an unknown one is a field error, not a failed foreign
 * key), and a municipality must belong to the chosen governorate. Checked here, not trusted
 * from the form.
 */
function checkPlace(db: Db, input: ProfileInput): void {
	if (input.governorateId !== null) {
		const known = db
			.select({ id: governorate.id })
			.from(governorate)
			.where(eq(governorate.id, input.governorateId))
			.get();
		if (!known) throw new DomainError('invalid_choice', 'governorate');
	}
	if (input.municipalityOther === '')
		throw new DomainError('municipality_other_missing', 'municipalityOther');
	if (input.municipalityId === null) return;
	const row = db.select().from(municipality).where(eq(municipality.id, input.municipalityId)).get();
	if (!row) throw new DomainError('invalid_choice', 'municipality');
	if (input.governorateId && row.governorateId !== input.governorateId) {
		throw new DomainError('municipality_mismatch', 'municipality');
	}
	input.governorateId = row.governorateId;
}

/** Creates an account; throws DomainError('email_taken') when the email is in use. */
export async function createUser(
	db: Db,
	input: RegisterInput & { role?: Role; actorId?: string | null; ip?: string | null }
): Promise<PublicUser> {
	checkPlace(db, input);
	const passwordHash = await hashPassword(input.password);
	const now = new Date();
	const row: User = {
		id: generateId(),
		// Stored lower-cased whatever the caller passed: sign-in looks emails up that way.
		email: normaliseEmail(input.email),
		name: input.name,
		passwordHash,
		role: input.role ?? 'learner',
		locale: input.locale,
		position: input.position,
		governorateId: input.governorateId,
		municipalityId: input.municipalityId,
		municipalityOther: input.municipalityOther ?? null,
		gender: input.gender,
		createdAt: now,
		updatedAt: now,
		erasedAt: null
	};
	// Insert and audit together; the unique index settles races between two registrations.
	try {
		db.transaction((tx) => {
			tx.insert(user).values(row).run();
			recordAudit(tx, {
				// Self-registration is its own actor; `null` means an operator command.
				actorId: input.actorId === undefined ? row.id : input.actorId,
				action: 'user.create',
				subjectType: 'user',
				subjectId: row.id,
				details: { role: row.role },
				ip: input.ip ?? null
			});
		});
	} catch (e) {
		if (e instanceof Error && e.message.includes('UNIQUE constraint failed: user.email')) {
			throw new DomainError('email_taken', 'email');
		}
		throw e;
	}
	return toPublic(row);
}

/** Checks an email and password; the same null for an unknown email and a wrong password. */
export async function authenticate(
	db: Db,
	{ email, password }: { email: string; password: string }
) {
	const row = db.select().from(user).where(eq(user.email, email)).get();
	if (!row) {
		await verifyPassword(await dummyPasswordHash(), password);
		return null;
	}
	return (await verifyPassword(row.passwordHash, password)) ? toPublic(row) : null;
}

export function getUser(db: Db, id: string): PublicUser | null {
	const row = db.select().from(user).where(eq(user.id, id)).get();
	return row ? toPublic(row) : null;
}

/**
 * Changes a password after checking the current one, under the sign-in throttle: a stolen
 * session must not become an unlimited password oracle.
 */
export async function changePassword(
	db: Db,
	{ userId, current, next, ip }: { userId: string; current: string; next: string; ip: string }
): Promise<void> {
	const row = db.select().from(user).where(eq(user.id, userId)).get();
	if (!row) throw new DomainError('not_found');
	const attempt = { account: row.email, ip };
	if (passwordAttemptWait(db, attempt) > 0) throw new DomainError('throttled', 'current');
	if (!(await verifyPassword(row.passwordHash, current))) {
		recordWrongPassword(db, attempt);
		throw new DomainError('wrong_password', 'current');
	}
	recordRightPassword(db, attempt);
	const passwordHash = await hashPassword(next);
	db.transaction((tx) => {
		tx.update(user).set({ passwordHash, updatedAt: new Date() }).where(eq(user.id, userId)).run();
		recordAudit(tx, {
			actorId: userId,
			action: 'user.password_change',
			subjectType: 'user',
			subjectId: userId
		});
	});
}

/** Saves the profile form. */
export function updateProfile(
	db: Db,
	{ userId, profile }: { userId: string; profile: ProfileInput }
) {
	checkPlace(db, profile);
	db.update(user)
		.set({ ...profile, updatedAt: new Date() })
		.where(eq(user.id, userId))
		.run();
}

/** Changes a user's role; an admin cannot remove the last admin. */
export function setRole(
	db: Db,
	{ actorId, userId, role }: { actorId: string; userId: string; role: Role }
) {
	db.transaction((tx) => {
		const target = tx.select().from(user).where(eq(user.id, userId)).get();
		if (!target) throw new DomainError('not_found');
		if (target.role === 'admin' && role !== 'admin') {
			const admins =
				tx.select({ n: count() }).from(user).where(eq(user.role, 'admin')).get()?.n ?? 0;
			if (admins <= 1) throw new DomainError('last_admin');
		}
		tx.update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, userId)).run();
		recordAudit(tx, {
			actorId,
			action: 'user.role_change',
			subjectType: 'user',
			subjectId: userId,
			details: { from: target.role, to: role }
		});
	});
}

export function adminExists(db: Db): boolean {
	return (db.select({ n: count() }).from(user).where(eq(user.role, 'admin')).get()?.n ?? 0) > 0;
}
