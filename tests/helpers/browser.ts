import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = fs.existsSync(CHROMIUM);

if (!hasBrowser) {
	if (process.env.CI === 'true') {
		throw new Error(
			`Browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium); CI must not skip them.`
		);
	}
	console.warn(
		`\n!!! ${CHROMIUM} not found: BROWSER TESTS ARE SKIPPED. Install it with: apt-get install -y chromium\n`
	);
}

/** `describe` when Chromium is present, `describe.skip` (loudly, above) when it is not. */
export const describeBrowser = hasBrowser ? describe : describe.skip;

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage'
		]
	});
}

/** WCAG 2.2 AA plus best practices; returns the violations (empty when the page passes). */
export async function axeViolations(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
		// Deprecated in axe 4.13 and off by default, but issue 10 asked that it hold: no landmark
		// nested where it does not belong (lesson callouts were <aside> inside <main>).
		.options({ rules: { 'landmark-complementary-is-top-level': { enabled: true } } })
		.analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
}

/** Saves a screenshot under tests/artifacts/ for people to look at (not compared). */
export async function screenshot(page: Page, name: string) {
	const dir = path.resolve('tests/artifacts');
	fs.mkdirSync(dir, { recursive: true });
	await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

const REGISTER_LABELS = {
	ar: {
		email: 'البريد الإلكتروني',
		password: 'كلمة المرور',
		name: 'الاسم الكامل',
		submit: 'إنشاء حسابي'
	},
	fr: {
		email: 'Adresse e-mail',
		password: 'Mot de passe',
		name: 'Nom complet',
		submit: 'Créer mon compte'
	}
} as const;

/** Fills and sends the registration form as a person would, then waits for the home page. */
export async function registerInBrowser(
	page: Page,
	base: string,
	{
		lang,
		email,
		password,
		name
	}: { lang: 'ar' | 'fr'; email: string; password: string; name: string }
) {
	const l = REGISTER_LABELS[lang];
	if (!page.url().endsWith(`/${lang}/register`)) await page.goto(`${base}/${lang}/register`);
	// The form hydrates; text typed before that can be lost on a loaded machine (seen twice in
	// full runs), so type once the page's scripts have run.
	await page.waitForLoadState('networkidle');
	await page.getByLabel(l.email).fill(email);
	await page.getByLabel(l.password).fill(password);
	await page.getByLabel(l.name).fill(name);
	await page.getByRole('button', { name: l.submit }).click();
	await page.waitForURL(`${base}/${lang}`);
}
