import type { Locale } from '../../text/localised.ts';
import { renderLesson } from './render.ts';

/**
 * One line of inline Markdown (a lesson's source: `[Title, publisher, year](https://…)` or plain
 * text) to sanitised HTML without its paragraph, through the same renderer and sanitiser as lessons.
 */
export function renderInline(markdown: string, locale: Locale): string {
	const html = renderLesson(markdown, { locale }).trim();
	return /^<p[^>]*>([\s\S]*)<\/p>$/.exec(html)?.[1] ?? html;
}
