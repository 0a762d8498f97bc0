import { describe, expect, it } from 'vitest';
import {
	parseProfile,
	parseRegistration,
	PasswordChangeForm,
	RoleChangeForm,
	SignInForm
} from '../../../src/lib/server/input/accounts.ts';
import { RevocationForm } from '../../../src/lib/server/input/certificates.ts';
import { EnrolmentForm } from '../../../src/lib/server/input/courses.ts';
import { parseForm } from '../../../src/lib/server/input/check.ts';

const form = (fields: Record<string, string>) => new Map(Object.entries(fields));
const valid = {
	name: 'Amina Ben Salah',
	email: ' Amina@Example.TN ',
	password: 'a long passphrase',
	locale: 'ar'
};

describe('registration input', () => {
	it('accepts the required fields and normalises the email', () => {
		const r = parseRegistration(form(valid));
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.value.email).toBe('amina@example.tn');
			expect(r.value.position).toBeNull();
			expect(r.value.gender).toBeNull();
		}
	});

	it('reports each bad field with a code and never echoes the password', () => {
		const r = parseRegistration(
			form({ name: '', email: 'nope', password: 'short', locale: 'de', gender: 'x' })
		);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors).toEqual({
				name: 'required',
				email: 'invalid_email',
				password: 'password_too_short',
				locale: 'invalid_choice',
				gender: 'invalid_choice'
			});
			expect(Object.keys(r.echo)).not.toContain('password');
			expect(JSON.stringify(r.echo)).not.toContain('short');
		}
	});

	it('takes exactly 10 characters as long enough', () => {
		expect(parseRegistration(form({ ...valid, password: '0123456789' })).ok).toBe(true);
		expect(parseRegistration(form({ ...valid, password: '012345678' })).ok).toBe(false);
	});

	it('accepts the optional reporting fields from their fixed lists', () => {
		const r = parseProfile(
			form({
				name: 'X',
				locale: 'fr',
				position: 'council-member',
				gender: 'woman',
				governorate: 'TN-61',
				municipality: '15'
			})
		);
		expect(r.ok && r.value).toMatchObject({
			position: 'council-member',
			gender: 'woman',
			governorateId: 'TN-61',
			municipalityId: 15
		});
		expect(parseProfile(form({ name: 'X', locale: 'fr', governorate: 'Sfax' })).ok).toBe(false);
		expect(parseProfile(form({ name: 'X', locale: 'fr', position: 'minister' })).ok).toBe(false);
	});
});

describe('the other account forms', () => {
	it('cleans a display name before checking it, so invisible characters cannot fill it', () => {
		const r = parseProfile(form({ name: '\u202E\u200B \u0007', locale: 'ar' }));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors).toEqual({ name: 'required' });
		const ok = parseProfile(form({ name: 'Ali\u202E nimdA', locale: 'ar' }));
		expect(ok.ok && ok.value.name).toBe('Ali nimdA');
	});

	it('refuses a municipality that is not a whole number and a governorate not shaped TN-nn', () => {
		const r = parseProfile(
			form({ name: 'X', locale: 'ar', municipality: '1.5', governorate: 'TN-999' })
		);
		expect(!r.ok && r.errors).toEqual({
			municipality: 'invalid_choice',
			governorate: 'invalid_choice'
		});
	});

	it('needs both sign-in fields and keeps the password as typed', () => {
		const r = parseForm(SignInForm, form({ email: ' a@b.tn ', password: '  spaced  ' }));
		expect(r.ok && r.value).toEqual({ email: 'a@b.tn', password: '  spaced  ' });
		const bad = parseForm(SignInForm, form({ email: 'a@b.tn' }));
		expect(!bad.ok && bad.errors).toEqual({ password: 'required' });
		expect(!bad.ok && bad.echo).toEqual({ email: 'a@b.tn' });
	});

	it('checks a new password like registration and echoes neither password', () => {
		const r = parseForm(PasswordChangeForm, form({ current: '', next: 'short' }));
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors).toEqual({ current: 'required', next: 'password_too_short' });
			expect(r.echo).toEqual({});
		}
		const long = parseForm(PasswordChangeForm, form({ current: 'x', next: 'y'.repeat(257) }));
		expect(!long.ok && long.errors).toEqual({ next: 'password_too_long' });
	});

	it('takes only a known role', () => {
		expect(parseForm(RoleChangeForm, form({ userId: 'u1', role: 'trainer' })).ok).toBe(true);
		const r = parseForm(RoleChangeForm, form({ userId: 'u1', role: 'root' }));
		expect(!r.ok && r.errors).toEqual({ role: 'invalid_choice' });
	});

	it('needs a revocation reason of five characters after cleaning', () => {
		const r = parseForm(
			RevocationForm,
			form({ code: 'ABC', reason: '\u2066\u2067\u2068 abc\u2069' })
		);
		expect(!r.ok && r.errors).toEqual({ reason: 'revocation_reason_required' });
		const ok = parseForm(RevocationForm, form({ code: 'ABC', reason: 'Issued\u202E in error' }));
		expect(ok.ok && ok.value.reason).toBe('Issued in error');
	});

	it('takes an enrolment key or none, but not a novel', () => {
		expect(parseForm(EnrolmentForm, form({})).ok).toBe(true);
		expect(parseForm(EnrolmentForm, form({ key: 'k'.repeat(201) })).ok).toBe(false);
	});
});
