// What a phone downloads for each main page, measured in real Chromium: compressed bodies plus
// headers, fonts counted apart (issue 15: ≤ 20 KB without fonts, quiz attempt ≤ 60 KB,
// fonts ≤ 60 KB for the Arabic weights used).
import { launchBrowser } from '../helpers/browser.ts';

export type WeightTarget = { name: string; path: string; signedIn: boolean; limit: number };
export type Weight = WeightTarget & {
	withoutFonts: number;
	fonts: number;
	requests: number;
	framework: boolean;
};

export const FONT_LIMIT = 60 * 1024;
const KB = 1024;

/** Registers a learner and enrols them, as a browser would; returns their cookie. */
export async function signedInLearner(base: string, course: string): Promise<string> {
	const reg = await postForm(`${base}/ar/register`, base, {
		name: 'قارئة',
		email: `bench${process.pid}.${Date.now()}@example.tn`,
		password: 'bench passphrase',
		locale: 'ar'
	});
	const cookie = reg.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	await postForm(`${base}/ar/courses/${course}?/enrol`, base, {}, cookie);
	return cookie;
}

function postForm(url: string, origin: string, fields: Record<string, string>, cookie = '') {
	return fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin,
			accept: 'text/html',
			cookie
		},
		body: new URLSearchParams(fields).toString()
	});
}

/** Starts the first module quiz (the final opens only after the module quizzes, issue 11 #3); returns the attempt page path. */
async function attemptPath(base: string, course: string, cookie: string): Promise<string> {
	const res = await postForm(
		`${base}/ar/courses/${course}/quiz/foundations?/start`,
		base,
		{},
		cookie
	);
	const location = res.headers.get('location');
	if (!location) throw new Error(`starting the module quiz answered ${res.status}`);
	return new URL(location, base).pathname;
}

/** The pages issue 15 sets a weight for; the lesson and attempt pages need the learner. */
export async function weightTargets(
	base: string,
	course: string,
	cookie: string
): Promise<WeightTarget[]> {
	const c = `/ar/courses/${course}`;
	return [
		{ name: 'home', path: '/ar', signedIn: false, limit: 20 * KB },
		{ name: 'catalog', path: '/ar/courses', signedIn: false, limit: 20 * KB },
		{ name: 'course page', path: c, signedIn: true, limit: 20 * KB },
		{ name: 'verify', path: '/ar/verify', signedIn: false, limit: 20 * KB },
		{ name: 'sign-in', path: '/ar/signin', signedIn: false, limit: 20 * KB },
		{ name: 'lesson', path: `${c}/foundations/tunisia-framework`, signedIn: true, limit: 20 * KB },
		{
			name: 'quiz attempt',
			path: await attemptPath(base, course, cookie),
			signedIn: true,
			limit: 60 * KB
		}
	];
}

/** Loads each page in a fresh context (cold cache, as a first visit) and sums what came over the wire. */
export async function measureWeights(
	base: string,
	targets: WeightTarget[],
	cookie: string
): Promise<Weight[]> {
	const browser = await launchBrowser();
	const out: Weight[] = [];
	try {
		for (const t of targets) {
			const context = await browser.newContext({
				extraHTTPHeaders: t.signedIn ? { cookie } : {},
				viewport: { width: 360, height: 740 }
			});
			const page = await context.newPage();
			const sizes: Promise<{ type: string; bytes: number; url: string }>[] = [];
			page.on('requestfinished', (req) => {
				sizes.push(
					req.sizes().then((s) => ({
						type: req.resourceType(),
						url: req.url(),
						bytes: s.responseBodySize + s.responseHeadersSize
					}))
				);
			});
			const res = await page.goto(base + t.path, { waitUntil: 'networkidle' });
			if (res?.status() !== 200) throw new Error(`${t.path} answered ${res?.status()}`);
			const all = await Promise.all(sizes);
			await context.close();
			const sum = (f: (x: { type: string }) => boolean) =>
				all.filter(f).reduce((a, x) => a + x.bytes, 0);
			out.push({
				...t,
				withoutFonts: sum((x) => x.type !== 'font'),
				fonts: sum((x) => x.type === 'font'),
				requests: all.length,
				// Kit's runtime and page nodes; a standalone script (the quiz autosave, built under
				// workers/) is not the framework.
				framework: all.some(
					(x) => x.type === 'script' && /\/_app\/immutable\/(entry|chunks|nodes)\//.test(x.url)
				)
			});
		}
	} finally {
		await browser.close();
	}
	return out;
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

/** A Markdown table of the weights, each against its target. */
export function weightTable(rows: Weight[]): string[] {
	return [
		'| page (ar, 360 px, cold cache) | without fonts | target | fonts | font target | requests | framework JS |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...rows.map(
			(w) =>
				`| ${w.name} \`${w.path}\` | ${kb(w.withoutFonts)} ${w.withoutFonts <= w.limit ? '✓' : '✗'} | ≤ ${kb(w.limit)} | ${kb(w.fonts)} ${w.fonts <= FONT_LIMIT ? '✓' : '✗'} | ≤ ${kb(FONT_LIMIT)} | ${w.requests} | ${w.framework ? 'yes' : 'no'} |`
		)
	];
}
