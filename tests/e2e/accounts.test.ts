import { beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	axeViolations,
	describeBrowser,
	launchBrowser,
	screenshot,
	registerInBrowser
} from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let browser: Browser;

describeBrowser('accounts in a real browser', () => {
	// Each resource is closed by the hook that opened it, and only if it opened.
	beforeAll(async () => {
		server = await startServer();
		return () => server.stop();
	});
	beforeAll(async () => {
		browser = await launchBrowser();
		return () => browser.close();
	});

	it(
		'registers in Arabic, switches to French, signs out and signs back in',
		{ timeout: 90_000 },
		async () => {
			const context = await browser.newContext({ locale: 'ar-TN' });
			context.setDefaultTimeout(30_000);
			const page = await context.newPage();
			await page.goto(`${server.url}/`);
			expect(page.url()).toBe(`${server.url}/ar`);
			expect(await page.getAttribute('html', 'dir')).toBe('rtl');
			await page.getByRole('link', { name: 'إنشاء حساب' }).first().click();
			await registerInBrowser(page, server.url, {
				lang: 'ar',
				email: 'salma@example.tn',
				password: 'كلمة مرور طويلة',
				name: 'سلمى بن علي'
			});
			await expect
				.poll(() => page.textContent('main'))
				.toContain('مرحبًا بك في تمكين، سلمى بن علي.');
			expect(await page.getAttribute('html', 'lang')).toBe('ar');

			await page.getByRole('link', { name: 'Français' }).click();
			await page.waitForURL(/\/fr\/?$/);
			expect(await page.getAttribute('html', 'lang')).toBe('fr');
			expect(await page.getAttribute('html', 'dir')).toBe('ltr');
			await expect
				.poll(() => page.textContent('main'))
				.toContain('Bienvenue sur Tamkeen, سلمى بن علي.');

			await page.getByRole('button', { name: 'Se déconnecter' }).click();
			await expect
				.poll(() => page.getByRole('link', { name: 'Se connecter' }).count())
				.toBeGreaterThan(0);
			await page.getByRole('link', { name: 'Se connecter' }).first().click();
			await page.getByLabel('Adresse e-mail').fill('salma@example.tn');
			await page.getByLabel('Mot de passe').fill('mauvais mot de passe');
			await page.getByRole('button', { name: 'Se connecter' }).click();
			await expect
				.poll(() => page.getByRole('alert').textContent())
				.toContain('L’e-mail ou le mot de passe est incorrect.');
			await page.getByLabel('Mot de passe').fill('كلمة مرور طويلة');
			await page.getByRole('button', { name: 'Se connecter' }).click();
			await page.waitForURL(`${server.url}/fr`);
			await expect.poll(() => page.textContent('main')).toContain('Vos premiers pas');
			await context.close();
		}
	);

	it(
		'lists only the chosen governorate’s municipalities once the page runs, and all without JavaScript',
		{ timeout: 60_000 },
		async () => {
			const optionsShown = (page: import('playwright-core').Page) =>
				page.locator('#municipality option').count();
			const scripted = await browser.newContext({ locale: 'fr-TN' });
			const page = await scripted.newPage();
			await page.goto(`${server.url}/fr/register`);
			const everyOption = await optionsShown(page);
			expect(everyOption).toBeGreaterThanOrEqual(26);
			await page.selectOption('#governorate', { label: 'Sfax' });
			// Hydration may land after the first choice: choose again until the list follows.
			await expect
				.poll(async () => {
					await page.selectOption('#governorate', { label: 'Sfax' });
					return page.locator('#municipality option').allTextContents();
				})
				.toEqual(['Non renseigné', 'Sfax', 'Ma commune n’est pas dans la liste']);

			await page.selectOption('#governorate', '');
			expect(await optionsShown(page)).toBe(everyOption);
			await page.selectOption('#municipality', { label: 'Jendouba' });
			expect(await page.locator('#governorate option:checked').textContent()).toBe('Jendouba');
			await page.selectOption('#governorate', { label: 'Sfax' });
			expect(await page.locator('#municipality').inputValue()).toBe('');
			await scripted.close();

			const plain = await browser.newContext({ javaScriptEnabled: false });
			const still = await plain.newPage();
			await still.goto(`${server.url}/fr/register`);
			await still.selectOption('#governorate', { label: 'Sfax' });
			expect(await optionsShown(still)).toBe(everyOption);
			await plain.close();
		}
	);

	it('signs in and out with JavaScript turned off', { timeout: 60_000 }, async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		context.setDefaultTimeout(30_000);
		const page = await context.newPage();
		await registerInBrowser(page, server.url, {
			lang: 'fr',
			email: 'nojs@example.tn',
			password: 'sans javascript',
			name: 'Karim Sans JS'
		});
		expect(await page.textContent('main')).toContain('Bienvenue sur Tamkeen, Karim Sans JS.');
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await page.waitForURL(`${server.url}/fr`);
		expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBeGreaterThan(0);
		await context.close();
	});

	for (const locale of ['ar', 'fr']) {
		for (const path of ['', '/signin', '/register']) {
			it(`has no accessibility violations on /${locale}${path}`, async () => {
				for (const [label, viewport] of [
					['mobile', { width: 360, height: 740 }],
					['desktop', { width: 1280, height: 900 }]
				] as const) {
					const context = await browser.newContext({ viewport });
					const page = await context.newPage();
					await page.goto(`${server.url}/${locale}${path}`);
					expect(await axeViolations(page)).toEqual([]);
					// Nothing may be wider than a 360 px phone.
					expect(
						await page.evaluate(() => document.documentElement.scrollWidth)
					).toBeLessThanOrEqual(viewport.width);
					await screenshot(page, `${locale}${path.replace('/', '-') || '-home'}-${label}`);
					await context.close();
				}
			});
		}
	}
});
