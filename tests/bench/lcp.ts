// Largest Contentful Paint of the home and lesson pages as Lighthouse 12 sees them on its default
// mobile profile (Moto G Power, simulated slow 4G and 4× CPU slowdown). Goal (issue 15): ≤ 1.5 s.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM } from '../helpers/browser.ts';

export const LCP_GOAL_MS = 1500;

export type Lcp = {
	name: string;
	path: string;
	lcpMs: number;
	fcpMs: number;
	score: number;
	transferred: number;
};

/** Runs Lighthouse (performance only, mobile) once per page against a running server. */
export async function measureLcp(
	base: string,
	pages: { name: string; path: string; cookie?: string }[]
): Promise<Lcp[]> {
	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	const out: Lcp[] = [];
	try {
		for (const p of pages) {
			const result = await lighthouse(base + p.path, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance'],
				...(p.cookie ? { extraHeaders: { Cookie: p.cookie } } : {})
			});
			if (!result) throw new Error(`Lighthouse gave no result for ${p.path}`);
			const { audits, categories, runtimeError } = result.lhr;
			if (runtimeError) throw new Error(`Lighthouse on ${p.path}: ${runtimeError.message}`);
			out.push({
				...p,
				lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
				fcpMs: audits['first-contentful-paint']?.numericValue ?? NaN,
				score: categories.performance?.score ?? NaN,
				transferred: audits['total-byte-weight']?.numericValue ?? NaN
			});
		}
	} finally {
		chrome.kill();
	}
	return out;
}

/** A Markdown table of the runs, each against the goal. */
export function lcpTable(rows: Lcp[]): string[] {
	return [
		'| page (Lighthouse 12 mobile, simulated slow 4G, 4× CPU) | LCP | goal | FCP | performance score | bytes (Lighthouse) |',
		'| --- | --- | --- | --- | --- | --- |',
		...rows.map(
			(r) =>
				`| ${r.name} \`${r.path}\` | ${(r.lcpMs / 1000).toFixed(2)} s ${r.lcpMs <= LCP_GOAL_MS ? '✓' : '✗'} | ≤ ${(LCP_GOAL_MS / 1000).toFixed(1)} s | ${(r.fcpMs / 1000).toFixed(2)} s | ${Math.round(r.score * 100)} | ${(r.transferred / 1024).toFixed(1)} KB |`
		)
	];
}
