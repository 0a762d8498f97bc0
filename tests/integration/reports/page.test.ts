import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { addMember } from '../../../src/lib/server/cohorts/members.ts';
import { seedReportFixture } from './fixture.ts';

let h: TestApp;
let courseId: number;
const cookie: Record<string, string> = {};

const account = async (role: 'partner' | 'learner') => {
	const email = `${role}@example.tn`;
	await createUser(h.t.db, {
		email,
		name: role,
		password: 'a long passphrase',
		locale: 'fr',
		role,
		position: null,
		governorateId: null,
		municipalityId: null,
		gender: null
	});
	const res = await postForm(h.app, '/fr/signin', { email, password: 'a long passphrase' });
	cookie[role] = cookiesFrom(res.headers);
};

beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	({ courseId } = seedReportFixture(h.t.db));
	await account('partner');
	await account('learner');
});
afterAll(() => h.close());

const get = (url: string, who?: string) =>
	h.app.inject({ url, headers: who ? { cookie: cookie[who] ?? '' } : {} });

describe('/reports page and exports', () => {
	it('is for partners: a learner gets 403, a visitor is sent to sign in', async () => {
		expect((await get('/fr/reports', 'learner')).statusCode).toBe(403);
		const anon = await get('/fr/reports');
		expect(anon.statusCode).toBe(303);
		expect(anon.headers.location).toContain('/fr/signin');
	});

	it('shows Tunis 6, hides Sfax (3) and not stated (1) as "< 5", and the total 10', async () => {
		const page = await get(`/fr/reports?course=${String(courseId)}&by=governorate`, 'partner');
		expect(page.statusCode).toBe(200);
		const row = (label: string) => {
			const start = page.body.search(new RegExp(`<th scope="row"[^>]*>${label}</th>`));
			expect(start).toBeGreaterThan(0);
			return page.body.slice(start, page.body.indexOf('</tr>', start));
		};
		// Cells may hold Svelte's block markers (<!--[-1-->) around the value since signed numbers.
		expect(row('Tunis')).toMatch(/<td[^>]*>(<!--[^>]*-->)?6(<!--[^>]*-->)?<\/td>/);
		expect(row('Sfax')).toContain('&lt; 5');
		expect(row('Sfax')).not.toMatch(/<td[^>]*>(<!--[^>]*-->)?3(<!--[^>]*-->)?<\/td>/);
		expect(row('Non renseigné')).toContain('&lt; 5');
		expect(row('Total')).toMatch(/<td[^>]*>(<!--[^>]*-->)?10(<!--[^>]*-->)?<\/td>/);
		expect(page.body).toContain('<svg');
		expect(page.body).toContain('Masquage des petits effectifs');
	});

	it('reads "< 5" unmirrored in Arabic: every hidden cell is isolated left to right', async () => {
		const page = await get(`/ar/reports?course=${String(courseId)}&by=governorate`, 'partner');
		expect(page.statusCode).toBe(200);
		const cells = [...page.body.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1] ?? '');
		const hidden = cells.filter((c) => c.includes('&lt; 5'));
		expect(hidden.length).toBeGreaterThan(0);
		for (const c of hidden)
			expect(c).toMatch(/<bdi dir="ltr" class="suppressed[^"]*">&lt; 5<\/bdi>/);
		// The chart's figure too: an SVG text has no <bdi>, so it is set left to right itself.
		expect(page.body).toMatch(/<text[^>]*direction="ltr"[^>]*>&lt; 5<\/text>/);
	});

	it('a suppressed value appears in neither the CSV nor the XLSX; both match the page', async () => {
		const query = `course=${String(courseId)}&by=governorate`;
		const csv = await get(`/fr/reports/export?${query}&format=csv`, 'partner');
		expect(csv.statusCode).toBe(200);
		expect(csv.body.startsWith('\uFEFF')).toBe(true);
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- parse<T> demands `columns`
		const rows = parse(csv.body.slice(1), { relax_column_count: true }) as string[][];
		const sfax = rows.find((r) => r[0] === 'Sfax');
		// Enrolled 3 and started 2 in Sfax: both shown as "< 5", neither number anywhere in the row.
		expect(sfax?.slice(1, 5)).toEqual(['< 5', '< 5', '< 5', '< 5']);
		expect(sfax).not.toContain('3');
		expect(rows.find((r) => r[0] === 'Tunis')?.[1]).toBe('6');

		const xlsx = await get(`/fr/reports/export?${query}&format=xlsx`, 'partner');
		expect(xlsx.statusCode).toBe(200);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		const values: unknown[][] = [];
		sheet?.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
		const sfaxX = values.find((r) => r[0] === 'Sfax');
		expect(sfaxX?.slice(1, 5)).toEqual(['< 5', '< 5', '< 5', '< 5']);
		expect(sfaxX).not.toContain(3);
		expect(values.find((r) => r[0] === 'Tunis')?.[1]).toBe(6);
	});

	it("refuses a bad or reversed month with 400 and a sentence in the reader's language", async () => {
		const fr = await get('/fr/reports?completedFrom=2026-13', 'partner');
		expect(fr.statusCode).toBe(400);
		expect(fr.body).toContain('Écrivez le mois au format AAAA-MM');
		const ar = await get('/ar/reports?completedFrom=2026-05&completedTo=2026-04', 'partner');
		expect(ar.statusCode).toBe(400);
		expect(ar.body).toContain('الشهر الأخير من الفترة يسبق الشهر الأول');
		expect((await get('/fr/reports?from=2026-01-10', 'partner')).statusCode).toBe(400);
		const csv = await get('/fr/reports/export?format=csv&completedTo=2026-1', 'partner');
		expect(csv.statusCode).toBe(400);
	});

	it('a completion period and a cohort breakdown: page and CSV, with the footnotes', async () => {
		const admin = { id: 'L1', role: 'admin', email: '' } as const;
		const cohortWith = (name: string, members: string[]) => {
			const c = createCohort(h.t.db, { actor: admin, courseId, input: { name } });
			for (const userId of members)
				addMember(h.t.db, { cohortId: c.id, userId, method: 'picked', actorId: admin.id });
		};
		cohortWith('Alpha', ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10']);
		cohortWith('Beta', ['L1', 'L2']);
		const query = `course=${String(courseId)}&by=cohort&completedFrom=2026-01&completedTo=2026-01`;
		const page = await get(`/fr/reports?${query}`, 'partner');
		expect(page.statusCode).toBe(200);
		expect(page.body).toMatch(/<th scope="row"[^>]*>Beta<\/th>/);
		expect(page.body).toContain('compte dans chacune');
		expect(page.body).toContain('value="2026-01"');
		const csv = await get(`/fr/reports/export?${query}&format=csv`, 'partner');
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- parse<T> demands `columns`
		const rows = parse(csv.body.slice(1), { relax_column_count: true }) as string[][];
		// Beta completed 2 in January: hidden, and not one of its figures is written.
		expect(rows.find((r) => r[0] === 'Beta')?.slice(1, 5)).toEqual(['< 5', '< 5', '< 5', '< 5']);
		expect(rows.find((r) => r[0] === 'Total')?.[1]).toBe('5');
		expect(rows.some((r) => r[0]?.includes('compte dans chacune'))).toBe(true);
		expect(rows.some((r) => r[0]?.startsWith('Avec une période'))).toBe(true);
	});

	it('answers a bad filter with 400 and a message, not 500', async () => {
		expect((await get('/fr/reports?from=2026-99-99', 'partner')).statusCode).toBe(400);
		expect((await get('/fr/reports/export?format=pdf', 'partner')).statusCode).toBe(400);
	});
});
