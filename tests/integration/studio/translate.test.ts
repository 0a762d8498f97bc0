import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { draftText, sha256 } from '../../../src/lib/server/studio/draft-files.ts';

// Side-by-side translation, the translator's list, outdated translations and the
// draft-vs-published changes, through real HTTP forms as a browser without JavaScript sends them.
let h: TestApp;
type S = Awaited<ReturnType<typeof signedIn>>;
let owner: S, translator: S, other: S;
const SLUG = 'budget-translate';
const BASE = `/fr/studio/${SLUG}`;
const SIDE = `${BASE}/translate/introduction/welcome`;
const AR = '01-introduction/01-welcome.ar.md';
const FR = '01-introduction/01-welcome.fr.md';
const AR_BODY =
	'## ميزانية 2026\n\nتعتمد البلدية على PAI منذ 2026.\n\n> [!STATUS 2026-11]\n> قيد التنفيذ.\n';
const get = (url: string, cookie = '') =>
	h.app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
const courseId = () => courseIdOf(h.t.db, SLUG);
const hashOf = (path: string) => {
	const t = draftText(h.t.db, courseId(), path);
	return t === null ? 'none' : sha256(t);
};
const saveSide = (
	lang: string,
	blocks: string[],
	cookie: string,
	over: Record<string, string> = {}
) =>
	postForm(
		h.app,
		`${SIDE}/${lang}?/save`,
		[
			['hash', over.hash ?? hashOf(`01-introduction/01-welcome.${lang}.md`)],
			['title', over.title ?? 'Bienvenue'],
			['minutes', over.minutes ?? '5'],
			...blocks.map((b): [string, string] => ['block', b])
		],
		cookie
	);

beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	owner = await signedIn(h.app, h.t.db, 'owner@example.tn', 'trainer');
	translator = await signedIn(h.app, h.t.db, 'fr-translator@example.tn', 'trainer');
	other = await signedIn(h.app, h.t.db, 'other@example.tn', 'trainer');
	const created = await postForm(
		h.app,
		'/ar/studio?/create',
		{ slug: SLUG, source: 'ar', title_ar: 'الميزانية', title_fr: 'Le budget', title_en: 'Budget' },
		owner.cookie
	);
	expect(created.statusCode).toBe(303);
	const saved = await postForm(
		h.app,
		`${BASE}/introduction/welcome/ar?/save`,
		{ hash: hashOf(AR), title: 'مرحبا', minutes: '5', body: AR_BODY },
		owner.cookie
	);
	expect(saved.statusCode).toBe(200);
	const granted = await postForm(
		h.app,
		`${BASE}?/grant`,
		[
			['email', 'fr-translator@example.tn'],
			['role', 'translator'],
			['languages', 'fr']
		],
		owner.cookie
	);
	expect(granted.statusCode).toBe(200);
});
afterAll(() => h.close());

describe('translating side by side, without JavaScript', () => {
	it('lists the missing French lesson for its translator, with a link only where they may write', async () => {
		const res = await get(`${BASE}/translate`, translator.cookie);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('Langue qui vous est confiée');
		expect(res.body).toContain(`href="/fr/studio/${SLUG}/translate/introduction/welcome/fr"`);
		expect(res.body).not.toContain(`/translate/introduction/welcome/en"`);
		expect(res.body).toContain('manquante');
		expect((await get(`${BASE}/translate`, other.cookie)).statusCode).toBe(404);
	});

	it('shows the Arabic source block by block, right to left, beside French textareas left to right', async () => {
		const res = await get(`${SIDE}/fr`, translator.cookie);
		expect(res.statusCode).toBe(200);
		expect(res.body).toMatch(/<div class="block[^"]*" lang="ar" dir="rtl">## ميزانية 2026<\/div>/);
		expect(res.body).toContain('>> [!STATUS 2026-11]\n> قيد التنفيذ.</div>');
		expect(res.body.match(/<textarea[^>]*name="block"[^>]*>/g)).toHaveLength(3);
		expect(res.body).toMatch(/<textarea id="block-0" name="block" lang="fr" dir="ltr"/);
		expect(res.body).toContain('Français, paragraphe 3');
	});

	it('saves the blocks as one French lesson that is then up to date', async () => {
		const res = await saveSide(
			'fr',
			[
				'## Budget 2026',
				'La commune utilise le PAI depuis 2026.\r\n',
				'> [!STATUS 2026-11]\n> En cours.'
			],
			translator.cookie
		);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('Enregistré dans le brouillon.');
		const fr = draftText(h.t.db, courseId(), FR)!;
		expect(fr).toMatch(/^---\ntitle: "Bienvenue"\n/);
		expect(
			fr.endsWith(
				'---\n## Budget 2026\n\nLa commune utilise le PAI depuis 2026.\n\n> [!STATUS 2026-11]\n> En cours.\n'
			)
		).toBe(true);
		const list = await get(`${BASE}/translate`, translator.cookie);
		expect(list.body).toContain('Toutes les leçons sont à jour dans cette langue.');
	});

	it('refuses a language the translator was not given, and the source language goes to its editor', async () => {
		const en = await saveSide('en', ['Budget'], translator.cookie, { title: 'Welcome' });
		expect(en.statusCode).toBe(403);
		expect(draftText(h.t.db, courseId(), '01-introduction/01-welcome.en.md')).toBeNull();
		const page = await get(`${SIDE}/en`, translator.cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('Vous ne pouvez pas modifier la version English');
		expect(page.body).not.toContain('>Enregistrer dans le brouillon<');
		const ar = await get(`${SIDE}/ar`, translator.cookie);
		expect(ar.statusCode).toBe(303);
		expect(ar.headers.location).toBe(`/fr/studio/${SLUG}/introduction/welcome/ar`);
	});

	it('keeps the typed blocks with a message on bad minutes and on a stale hash', async () => {
		const before = draftText(h.t.db, courseId(), FR);
		const bad = await saveSide('fr', ['Texte gardé'], translator.cookie, { minutes: 'cinq' });
		expect(bad.statusCode).toBe(400);
		expect(bad.body).toContain('nombre entier de minutes');
		expect(bad.body).toContain('>Texte gardé</textarea>');
		const stale = await saveSide('fr', ['Autre texte gardé'], translator.cookie, {
			hash: sha256('an older version')
		});
		expect(stale.statusCode).toBe(409);
		expect(stale.body).toContain('>Autre texte gardé</textarea>');
		expect(draftText(h.t.db, courseId(), FR)).toBe(before);
	});

	it('shows the French as outdated once the Arabic source changes', async () => {
		const res = await postForm(
			h.app,
			`${BASE}/introduction/welcome/ar?/save`,
			{ hash: hashOf(AR), title: 'مرحبا', minutes: '5', body: `${AR_BODY}\nفقرة جديدة.\n` },
			owner.cookie
		);
		expect(res.statusCode).toBe(200);
		const list = await get(`${BASE}/translate`, translator.cookie);
		expect(list.body).toContain('à mettre à jour');
		const side = await get(`${SIDE}/fr`, translator.cookie);
		expect(side.body).toContain('Traduction\u202f: à mettre à jour');
		expect(side.body.match(/<textarea[^>]*name="block"/g)).toHaveLength(4);
	});
});

describe('changes between the draft and the published version', () => {
	it('says everything is new before a first publication, and nothing changed right after one', async () => {
		const first = await get(`${BASE}/changes`, translator.cookie);
		expect(first.statusCode).toBe(200);
		expect(first.body).toContain('pas encore publié');
		const published = await postForm(h.app, `${BASE}?/publish`, { bump: 'patch' }, owner.cookie);
		expect(published.statusCode).toBe(200);
		expect(published.body).toContain('est publiée');
		const after = await get(`${BASE}/changes`, owner.cookie);
		expect(after.body).toContain('Le brouillon est identique à la version publiée.');
		expect((await get(`${BASE}/changes`, other.cookie)).statusCode).toBe(404);
	});

	it('lists the edited lesson in its language with the lines added and removed', async () => {
		const res = await saveSide('fr', ['## Budget 2027', 'Nouveau paragraphe.'], translator.cookie);
		expect(res.statusCode).toBe(200);
		const page = await get(`${BASE}/changes`, owner.cookie);
		expect(page.body).toContain('Langues concernées\u202f: Français');
		expect(page.body).toContain(FR);
		expect(page.body).toMatch(
			/<ins[^>]*><span class="visually-hidden">Ajout: <\/span>## Budget 2027\n/
		);
		expect(page.body).toMatch(
			/<del[^>]*><span class="visually-hidden">Suppression: <\/span>## Budget 2026\n/
		);
		expect(page.body).not.toContain(AR);
	});
});
