import { isLocalUrl } from '../format/lesson-markdown.ts';

/**
 * Links between lesson files become links between lessons: `../02-diagnosis/01-swot.fr.md#x`
 * turns into `../diagnosis/swot#x`, relative to a reader URL that ends `/<module>/<lesson>`;
 * `../worksheets/01-grid.fr.md` into `../worksheets/grid`, the worksheet's page.
 */
export function lessonHref(url: string, kind: 'link' | 'image'): string {
	if (kind !== 'link' || !isLocalUrl(url)) return url;
	const [file = '', fragment] = url.split('#', 2);
	if (!file.endsWith('.md')) return url;
	const segments = file.split('/').map((s) => /^\d{2}-(.+?)(?:\.[a-z]{2}\.md)?$/.exec(s)?.[1] ?? s);
	return segments.join('/') + (fragment === undefined ? '' : `#${fragment}`);
}
