import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { checkRole, requireRole, safeNext } from '../../../src/lib/server/auth/guard.ts';
import type { SessionUser } from '../../../src/lib/server/auth/session.ts';

const user = (role: SessionUser['role']): SessionUser => ({
	id: 'u1',
	email: 'a@b.tn',
	name: 'A',
	role,
	locale: 'ar'
});
const event = (u: SessionUser | null, path = '/fr/admin?tab=users') => ({
	locals: { user: u, locale: 'fr' },
	url: new URL(`http://localhost${path}`)
});

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
}

describe('role guards', () => {
	it('rank learner < trainer < admin', () => {
		expect(checkRole(user('learner'), 'learner')).toBe('ok');
		expect(checkRole(user('learner'), 'trainer')).toBe('forbidden');
		expect(checkRole(user('trainer'), 'trainer')).toBe('ok');
		expect(checkRole(user('trainer'), 'admin')).toBe('forbidden');
		expect(checkRole(user('admin'), 'trainer')).toBe('ok');
		expect(checkRole(null, 'learner')).toBe('signin');
	});

	it('send anonymous visitors to sign in, in their language, and back afterwards', () => {
		const e = thrown(() => requireRole(event(null), 'admin'));
		expect(isRedirect(e)).toBe(true);
		if (isRedirect(e)) {
			expect(e.status).toBe(303);
			expect(e.location).toBe('/fr/signin?next=%2Ffr%2Fadmin%3Ftab%3Dusers');
		}
	});

	it('answer 403 to a signed-in user without the role', () => {
		const e = thrown(() => requireRole(event(user('learner')), 'admin'));
		expect(isHttpError(e) && e.status).toBe(403);
	});

	it('return the user when allowed', () => {
		expect(requireRole(event(user('admin')), 'admin').id).toBe('u1');
	});

	it('follow `next` only to paths on this site', () => {
		const site = 'http://localhost';
		expect(safeNext('/ar/account', '/ar/', site)).toBe('/ar/account');
		expect(safeNext('//evil.example/x', '/ar/', site)).toBe('/ar/');
		expect(safeNext('/\\evil.example', '/ar/', site)).toBe('/ar/');
		expect(safeNext('https://evil.example', '/ar/', site)).toBe('/ar/');
		expect(safeNext(null, '/ar/', site)).toBe('/ar/');
	});
});

describe('open redirect after sign-in (issue 9 #1, #2)', () => {
	const site = 'http://localhost';
	it('refuse a `next` with control characters or whitespace, raw or percent-encoded', () => {
		for (const next of ['/\t/evil.example', '/\n/x', '/\u000b/x', '/\r/x', '/ /x', '/%09/evil'])
			expect(safeNext(next, '/ar', site)).toBe('/ar');
	});

	it('refuse a `next` that resolves to another origin', () => {
		for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'x'])
			expect(safeNext(next, '/ar', site)).toBe('/ar');
	});

	it('return a same-origin `next` in its normalised, header-safe form', () => {
		expect(safeNext('/fr/courses?q=a#top', '/ar', site)).toBe('/fr/courses?q=a#top');
		expect(safeNext('/\u3002', '/ar', site)).toBe('/%E3%80%82');
	});
});
