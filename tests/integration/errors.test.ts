import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../helpers/app.ts';
import { postForm, registration } from '../helpers/forms.ts';
import { signedIn } from './access/staff.ts';

// A DomainError reaches every edge through one table: the mapped status and the sentence in the
// reader's language, never a 500.
let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true, courses: true })));
afterAll(() => h.close());

const TEXT = {
	emailTaken: {
		fr: 'Un compte utilise déjà cet e-mail.',
		ar: 'هذا البريد مستعمل في حساب آخر.'
	},
	forbidden: {
		fr: 'Votre compte n’a pas accès à cette page.',
		ar: 'حسابك لا يملك صلاحية الوصول إلى هذه الصفحة.'
	},
	submitted: {
		fr: 'Cette tentative a déjà été remise.',
		ar: 'سبق تسليم هذه المحاولة.'
	}
} as const;

describe('a DomainError thrown from a form action', () => {
	it.each(['fr', 'ar'] as const)('answers 409 and the sentence in %s (email taken)', async (l) => {
		const fields = registration({ locale: l });
		expect((await postForm(h.app, `/${l}/register`, fields)).statusCode).toBe(303);
		const again = await postForm(h.app, `/${l}/register`, fields);
		expect(again.statusCode).toBe(409);
		expect(again.body).toContain(TEXT.emailTaken[l]);
		// The form comes back with what was typed, never the password.
		expect(again.body).toContain(fields.name);
		expect(again.body).not.toContain(fields.password);
	});
});

describe('a DomainError thrown from a load and not caught', () => {
	it.each(['fr', 'ar'] as const)('answers 403 and the sentence in %s, not 500', async (l) => {
		const { cookie } = await signedIn(h.app, h.t.db, `trainer.${l}@example.tn`, 'trainer');
		const res = await h.app.inject({
			url: `/${l}/courses/participatory-governance/results`,
			headers: { cookie, accept: 'text/html' }
		});
		expect(res.statusCode).toBe(403);
		expect(res.body).toContain(TEXT.forbidden[l]);
		expect(res.body).not.toContain('Internal Error');
	});
});

describe('a DomainError thrown from an API handler', () => {
	it('answers the mapped status with the sentence in the page’s language or Accept-Language', async () => {
		const cookie = cookiesFrom(
			(await postForm(h.app, '/fr/register', registration({ locale: 'fr' }))).headers
		);
		const PG = '/fr/courses/participatory-governance';
		await postForm(h.app, `${PG}?/enrol`, {}, cookie);
		const started = await postForm(h.app, `${PG}/quiz/foundations?/start`, {}, cookie);
		const attemptId = Number(String(started.headers.location).split('/').pop());
		const submit = await h.app.inject({
			method: 'POST',
			url: `/api/v1/attempts/${attemptId}/submit`,
			headers: { cookie }
		});
		expect(submit.statusCode).toBe(200);
		// The session cookie only: the language comes from Accept-Language.
		const session = cookie
			.split('; ')
			.filter((c) => !c.startsWith('tamkeen_locale='))
			.join('; ');
		const save = (headers: Record<string, string>) =>
			h.app.inject({
				method: 'POST',
				url: `/api/v1/attempts/${attemptId}/answers/anything`,
				headers: { 'content-type': 'application/json', ...headers },
				payload: JSON.stringify({ response: 'x' })
			});
		const fr = await save({ cookie: session, 'accept-language': 'fr-TN,fr;q=0.9,ar;q=0.5' });
		expect(fr.statusCode).toBe(409);
		expect(fr.json()).toMatchObject({ error: 'ATTEMPT_SUBMITTED', message: TEXT.submitted.fr });
		// The page's language (its cookie) comes before the browser's.
		const ar = await save({
			cookie: `${session}; tamkeen_locale=ar`,
			'accept-language': 'fr'
		});
		expect(ar.statusCode).toBe(409);
		expect(ar.json<{ message: string }>().message).toBe(TEXT.submitted.ar);
		// Another learner's attempt does not exist for them: 404, localised too.
		const stranger = cookiesFrom(
			(await postForm(h.app, '/fr/register', registration({ locale: 'fr' }))).headers
		);
		const probe = await h.app.inject({
			url: `/api/v1/attempts/${attemptId}`,
			headers: { cookie: stranger, 'accept-language': 'fr' }
		});
		expect(probe.statusCode).toBe(404);
		expect(probe.json()).toMatchObject({ error: 'NOT_FOUND', message: 'Introuvable.' });
	});
});
