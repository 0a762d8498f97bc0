import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
	authenticate,
	changePassword,
	createUser,
	setRole,
	updateProfile
} from '../../../src/lib/server/accounts/users.ts';
import {
	claimFirstAdmin,
	isFirstAdminTokenValid,
	issueFirstAdminToken
} from '../../../src/lib/server/accounts/first-admin.ts';
import { listAudit } from '../../../src/lib/server/audit/log.ts';
import { listPlaces } from '../../../src/lib/server/accounts/places.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';

const base = {
	password: 'a long passphrase',
	locale: 'ar' as const,
	position: null,
	governorateId: null,
	municipalityId: null,
	gender: null
};
let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

describe('accounts', () => {
	it('refuse a second account with the same email, whatever its case', async () => {
		await createUser(t.db, { ...base, email: 'a@example.tn', name: 'A' });
		await expect(
			createUser(t.db, { ...base, email: 'a@example.tn', name: 'B' })
		).rejects.toMatchObject({ code: 'email_taken' });
	});

	it('authenticate with the same null for an unknown email and a wrong password', async () => {
		await createUser(t.db, { ...base, email: 'a@example.tn', name: 'A' });
		expect(
			await authenticate(t.db, { email: 'a@example.tn', password: 'a long passphrase' })
		).toMatchObject({ name: 'A' });
		expect(
			await authenticate(t.db, { email: 'a@example.tn', password: 'wrong password' })
		).toBeNull();
		expect(
			await authenticate(t.db, { email: 'nobody@example.tn', password: 'a long passphrase' })
		).toBeNull();
	});

	it('change a password only with the current one', async () => {
		const u = await createUser(t.db, { ...base, email: 'a@example.tn', name: 'A' });
		await expect(
			changePassword(t.db, {
				userId: u.id,
				current: 'nope nope nope',
				next: 'another passphrase',
				ip: '192.0.2.1'
			})
		).rejects.toMatchObject({ code: 'wrong_password' });
		await changePassword(t.db, {
			userId: u.id,
			current: 'a long passphrase',
			next: 'another passphrase',
			ip: '192.0.2.1'
		});
		expect(
			await authenticate(t.db, { email: 'a@example.tn', password: 'another passphrase' })
		).not.toBeNull();
	});

	it('accept a municipality only within its governorate', async () => {
		const u = await createUser(t.db, { ...base, email: 'a@example.tn', name: 'A' });
		const sfax = listPlaces(t.db, 'fr').find((g) => g.id === 'TN-61')!;
		const sfaxCity = sfax.municipalities[0]!.id;
		expect(() => {
			updateProfile(t.db, {
				userId: u.id,
				profile: { ...base, name: 'A', governorateId: 'TN-11', municipalityId: sfaxCity }
			});
		}).toThrow(/municipality_mismatch/);
		updateProfile(t.db, {
			userId: u.id,
			profile: { ...base, name: 'A', governorateId: null, municipalityId: sfaxCity }
		});
	});

	it('never remove the last admin, and audit role changes', async () => {
		const admin = await createUser(t.db, {
			...base,
			email: 'admin@example.tn',
			name: 'Admin',
			role: 'admin'
		});
		const other = await createUser(t.db, { ...base, email: 'b@example.tn', name: 'B' });
		expect(() => {
			setRole(t.db, { actorId: admin.id, userId: admin.id, role: 'learner' });
		}).toThrow(/last_admin/);
		setRole(t.db, { actorId: admin.id, userId: other.id, role: 'trainer' });
		expect(listAudit(t.db)[0]).toMatchObject({
			action: 'user.role_change',
			actorId: admin.id,
			subjectId: other.id,
			details: { from: 'learner', to: 'trainer' }
		});
	});

	it('keep the audit log append-only', async () => {
		await createUser(t.db, { ...base, email: 'a@example.tn', name: 'A' });
		expect(() => t.db.$client.exec(`update audit_log set action = 'x'`)).toThrow(/append-only/);
		expect(() => t.db.$client.exec(`delete from audit_log`)).toThrow(/append-only/);
		expect(t.db.get<{ n: number }>(sql`select count(*) as n from audit_log`).n).toBe(1);
	});
});

describe('first admin', () => {
	it('issues a one-time link only while no admin exists, and the link works once', async () => {
		const token = issueFirstAdminToken(t.db)!;
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		// A restart prints a new link; the old one stops working.
		const newer = issueFirstAdminToken(t.db)!;
		expect(isFirstAdminTokenValid(t.db, token)).toBe(false);
		expect(isFirstAdminTokenValid(t.db, newer)).toBe(true);
		const admin = await claimFirstAdmin(t.db, {
			token: newer,
			input: { ...base, email: 'boss@example.tn', name: 'Boss' }
		});
		expect(admin.role).toBe('admin');
		expect(isFirstAdminTokenValid(t.db, newer)).toBe(false);
		expect(issueFirstAdminToken(t.db)).toBeNull();
		await expect(
			claimFirstAdmin(t.db, { token: newer, input: { ...base, email: 'x@example.tn', name: 'X' } })
		).rejects.toMatchObject({ code: 'setup_link_invalid' });
	});
});

describe('places', () => {
	it('lists the 24 governorates with names in each language', () => {
		const ar = listPlaces(t.db, 'ar');
		expect(ar).toHaveLength(24);
		expect(ar.map((g) => g.name)).toContain('صفاقس');
		expect(listPlaces(t.db, 'fr').map((g) => g.name)).toContain('Gabès');
	});
});
