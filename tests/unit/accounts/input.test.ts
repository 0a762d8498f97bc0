import { describe, expect, it } from 'vitest';
import { parseProfile, parseRegistration } from '../../../src/lib/server/accounts/input.ts';

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
