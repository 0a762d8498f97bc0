import { describe, expect, it } from 'vitest';
import { renderLesson } from '../../../src/lib/server/courses/render/render.ts';

const fr = (md: string) => renderLesson(md, { locale: 'fr' });

// Each line is a way someone has slipped script into Markdown or HTML; none may survive.
const XSS: string[] = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)><circle r="1"/></svg>',
	'<iframe src="https://evil.example"></iframe>',
	'<style>body { display: none }</style>',
	'<a href="javascript:alert(1)">raw link</a>',
	'<div style="background:url(javascript:alert(1))">styled</div>',
	'<details open ontoggle=alert(1)>x</details>',
	'<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">',
	'<form action="javascript:alert(1)"><button>go</button></form>',
	'<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'[click](javascript:alert(1))',
	'[click](JaVaScRiPt:alert(1))',
	'[click](javascript&#58;alert(1))',
	'[click](&#x6A;avascript:alert(1))',
	'[click](<javascript:alert(1)>)',
	'<javascript:alert(1)>',
	'[click](vbscript:msgbox(1))',
	'[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
	'![pixel](javascript:alert(1))',
	'[ref]\n\n[ref]: javascript:alert(1)',
	'## Title <img src=x onerror=alert(1)>',
	'> [!NOTE]\n> <script>alert(1)</script>'
];

const UNSAFE_TAG = /^<\/?(script|style|iframe|svg|object|embed|form|base|meta|math|details)\b/i;
const UNSAFE_IN_TAG = /\son\w+\s*=|\sstyle\s*=|javascript:|vbscript:|data:/i;

/** The tags of the output: what the browser would run. Text may mention `javascript:` harmlessly. */
const tagsOf = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe('renderLesson sanitising', () => {
	it('has a long list of attacks to try', () => {
		expect(XSS.length).toBeGreaterThanOrEqual(15);
	});

	it.each(XSS)('leaves nothing unsafe of %s', (payload) => {
		const html = fr(`Avant.\n\n${payload}\n\nAprès.`);
		for (const tag of tagsOf(html)) {
			expect(tag).not.toMatch(UNSAFE_TAG);
			expect(tag).not.toMatch(UNSAFE_IN_TAG);
		}
		expect(html).not.toMatch(/<script|alert\(1\)<\/script>/i);
		expect(html).toContain('Après.');
	});

	it('keeps ordinary links and relative lesson links', () => {
		const html = fr(
			'[ONU-Habitat](https://unhabitat.org) et [la suite](02-vision.fr.md) [écrire](mailto:a@b.tn)'
		);
		expect(html).toContain('<a href="https://unhabitat.org">ONU-Habitat</a>');
		expect(html).toContain('<a href="02-vision.fr.md">la suite</a>');
		expect(html).toContain('<a href="mailto:a@b.tn">écrire</a>');
	});

	it('lets the caller rewrite link and image URLs', () => {
		const html = renderLesson('[x](02-vision.fr.md) ![y](media/a.svg)', {
			locale: 'fr',
			rewriteUrl: (url, kind) => `${kind}:${url}`.replace('link:', '/l/').replace('image:', '/i/')
		});
		expect(html).toContain('href="/l/02-vision.fr.md"');
		expect(html).toContain('src="/i/media/a.svg"');
	});
});

describe('renderLesson blocks', () => {
	it('turns a NOTE blockquote into a labelled note', () => {
		expect(fr('> [!NOTE]\n> Le titre II finance les équipements.')).toBe(
			'<div class="callout callout-note" role="note">\n<p class="callout-title" dir="auto">À savoir</p>\n<p dir="auto">Le titre II finance les équipements.</p>\n</div>'
		);
	});

	it('labels EXAMPLE and EXERCISE in the lesson language', () => {
		const label = (type: string, locale: 'ar' | 'fr' | 'en') =>
			/callout-title" dir="auto">([^<]+)</.exec(renderLesson(`> [!${type}]\n> x`, { locale }))?.[1];
		expect(['ar', 'fr', 'en'].map((l) => label('EXAMPLE', l as 'ar'))).toEqual([
			'مثال تطبيقي',
			'Exemple',
			'Worked example'
		]);
		expect(['ar', 'fr', 'en'].map((l) => label('EXERCISE', l as 'ar'))).toEqual([
			'جرّبه في بلديتك',
			'À faire dans votre commune',
			'Try it in your municipality'
		]);
	});

	it('labels a STATUS block with the state of its sources, the month named in the lesson language', () => {
		const md = '> [!STATUS 2026-11]\n> Les conseils ont été dissous.';
		expect(renderLesson(md, { locale: 'en' })).toContain(
			'<div class="callout callout-status" role="note" data-date="2026-11">'
		);
		expect(renderLesson(md, { locale: 'en' })).toContain('>State of sources: November 2026<');
		expect(renderLesson(md, { locale: 'fr' })).toContain('>État des sources\u202f: novembre 2026<');
		expect(renderLesson(md, { locale: 'ar' })).toContain('>حالة المصادر: نوفمبر 2026<');
	});

	it('gives a course image its copies, its size and lazy loading, whatever the lesson wrote', () => {
		const image = (url: string) =>
			url === '../media/port.webp'
				? {
						src: '/media/b.webp',
						srcset: '/media/a.webp 360w, /media/b.webp 720w',
						width: 720,
						height: 405
					}
				: undefined;
		expect(renderLesson('![Port](../media/port.webp)', { locale: 'fr', image })).toBe(
			'<p dir="auto"><img src="/media/b.webp" alt="Port" srcset="/media/a.webp 360w, /media/b.webp 720w" sizes="(max-width: 46rem) 100vw, 45rem" width="720" height="405" loading="lazy" decoding="async"></p>'
		);
	});

	it('leaves a blockquote with an unknown marker as a plain quote', () => {
		expect(fr('> [!INFO]\n> x')).toBe('<blockquote>\n<p dir="auto">[!INFO]\nx</p>\n</blockquote>');
	});

	it('puts a titled image in a figure with its caption', () => {
		expect(fr('![Carte de Sfax](media/sfax.svg "Zones d\'étude, 2024")')).toBe(
			'<figure><img src="media/sfax.svg" alt="Carte de Sfax" loading="lazy" decoding="async"><figcaption dir="auto">Zones d\'étude, 2024</figcaption></figure>'
		);
		expect(fr('![Carte](media/sfax.svg)')).toBe(
			'<p dir="auto"><img src="media/sfax.svg" alt="Carte" loading="lazy" decoding="async"></p>'
		);
	});

	it('renders footnotes with working links and a localised label', () => {
		const html = renderLesson('Texte.[^1]\n\n[^1]: Loi 2018-29.', { locale: 'ar' });
		expect(html).toContain(
			'<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref'
		);
		expect(html).toContain('<li id="user-content-fn-1" dir="auto">');
		expect(html).toContain('<h2 class="sr-only" id="footnote-label" dir="auto">الهوامش</h2>');
	});

	it('renders tables with cells that pick their own direction', () => {
		const html = fr('| titre | contenu |\n| --- | ---: |\n| I | التصرف |');
		expect(html).toContain('<th dir="auto">titre</th>');
		expect(html).toContain('<td align="right" dir="auto">التصرف</td>');
	});

	it('gives headings anchors, in Latin and Arabic script', () => {
		expect(fr('## Titre I et titre II')).toBe(
			'<h2 id="titre-i-et-titre-ii" dir="auto">Titre I et titre II</h2>'
		);
		expect(renderLesson('## الموارد والنفقات', { locale: 'ar' })).toContain(
			'id="الموارد-والنفقات"'
		);
	});

	it('sets dir="auto" on paragraphs and list items', () => {
		expect(fr('Un mot عربي.\n\n- point')).toBe(
			'<p dir="auto">Un mot عربي.</p>\n<ul>\n<li dir="auto">point</li>\n</ul>'
		);
	});
});
