import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Locale } from '../../text/localised.ts';
import { rehypeAutoDir, rehypeFigures, rehypeRewriteUrls, remarkCallouts } from './plugins.ts';
import { rehypeImages, type ImageResolver } from './images.ts';
import { lessonSchema } from './sanitize-schema.ts';

export type RenderOptions = {
	locale: Locale;
	/** Maps each link and image URL before sanitising (for example lesson files to reader URLs). */
	rewriteUrl?: (url: string, kind: 'link' | 'image') => string;
	/** Course images (`../media/<name>.webp`) to their resized copies. */
	image?: ImageResolver;
};

const FOOTNOTE_LABEL: Record<Locale, { label: string; back: string }> = {
	ar: { label: 'الهوامش', back: 'العودة إلى النص' },
	fr: { label: 'Notes', back: 'Retour au texte' },
	en: { label: 'Footnotes', back: 'Back to content' }
};

/**
 * Lesson Markdown to HTML that is safe to show whoever wrote it: raw HTML is dropped by
 * remark-rehype, and the sanitiser runs last so no plugin can slip anything past it.
 */
export function renderLesson(
	markdown: string,
	{ locale, rewriteUrl, image }: RenderOptions
): string {
	const { label, back } = FOOTNOTE_LABEL[locale];
	const file = unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkCallouts, { locale })
		.use(remarkRehype, { footnoteLabel: label, footnoteBackLabel: back })
		.use(rehypeImages, { resolve: image })
		.use(rehypeRewriteUrls, { rewrite: rewriteUrl })
		.use(rehypeFigures)
		.use(rehypeSlug)
		.use(rehypeAutoDir)
		.use(rehypeSanitize, lessonSchema)
		.use(rehypeStringify)
		.processSync(markdown);
	return String(file);
}
