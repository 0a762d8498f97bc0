import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';

// Issue 11 §11: "welcome back" only for people who have started learning; a new account is shown
// its first steps and the way to the courses.
let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true, courses: true })));
afterAll(() => h.close());

describe('the home page greeting', () => {
	it('shows a new user first steps, then "welcome back" once enrolled', async () => {
		const fields = registration({ locale: 'ar', name: 'سلمى بن علي' });
		const cookie = cookiesFrom((await postForm(h.app, '/ar/register', fields)).headers);
		const first = await h.app.inject({ url: '/ar', headers: { cookie } });
		expect(first.body).toContain('مرحبًا بك في تمكين، سلمى بن علي.');
		expect(first.body).toContain('خطواتك الأولى');
		expect(first.body).toContain('href="/ar/courses"');
		expect(first.body).not.toContain('مرحبًا بعودتك');

		await postForm(h.app, '/ar/courses/participatory-governance?/enrol', {}, cookie);
		const back = await h.app.inject({ url: '/ar', headers: { cookie } });
		expect(back.body).toContain('مرحبًا بعودتك، سلمى بن علي.');
		expect(back.body).toContain('href="/ar/learn"');
		expect(back.body).not.toContain('خطواتك الأولى');
	});
});
