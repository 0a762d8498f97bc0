import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Blockquote, Paragraph, Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import {
	calloutLabel,
	calloutMarkerProblem,
	readCalloutMarker,
	type CalloutType
} from '../format/callouts.ts';
import type { Locale } from '../../text/localised.ts';

/**
 * `> [!NOTE]` blockquotes become `<div class="callout callout-note" role="note">` with a localised
 * title. Not `<aside>`: a callout sits inside the lesson's article, where an aside would be a
 * complementary landmark nested in `<main>` (axe: landmark-complementary-is-top-level).
 */
export function remarkCallouts({ locale }: { locale: Locale }) {
	return (tree: MdastRoot) => {
		visit(tree, 'blockquote', (quote: Blockquote) => {
			const marker = readCalloutMarker(quote);
			if (!marker || calloutMarkerProblem(marker)) return;
			const type = marker.type as CalloutType;
			marker.text.value = marker.text.value.slice(marker.length).replace(/^[ \t]*\n?/, '');
			const first = quote.children[0] as Paragraph;
			if (marker.text.value === '') first.children.shift();
			if (first.children.length === 0) quote.children.shift();
			const title: Paragraph = {
				type: 'paragraph',
				data: { hProperties: { className: ['callout-title'] } },
				children: [{ type: 'text', value: calloutLabel(type, marker.arg, locale) }]
			};
			quote.children.unshift(title);
			const hProperties: Record<string, string | string[]> = {
				className: ['callout', `callout-${type.toLowerCase()}`],
				role: 'note'
			};
			if (marker.arg) hProperties.dataDate = marker.arg;
			quote.data = { ...quote.data, hName: 'div', hProperties };
		});
	};
}

const isBlank = (n: ElementContent) => n.type === 'text' && n.value.trim() === '';

/** A paragraph holding only an image with a title becomes a figure with that title as caption. */
export function rehypeFigures() {
	return (tree: HastRoot) => {
		visit(tree, 'element', (node: Element, index, parent) => {
			if (node.tagName !== 'p' || !parent || index === undefined) return;
			const content = node.children.filter((c) => !isBlank(c));
			const img = content[0];
			if (content.length !== 1 || img?.type !== 'element' || img.tagName !== 'img') return;
			const title = img.properties.title;
			if (typeof title !== 'string' || title.trim() === '') return;
			delete img.properties.title;
			const caption: Element = {
				type: 'element',
				tagName: 'figcaption',
				properties: { dir: 'auto' },
				children: [{ type: 'text', value: title }]
			};
			parent.children[index] = {
				type: 'element',
				tagName: 'figure',
				properties: {},
				children: [img, caption]
			};
		});
	};
}

const AUTO_DIR = new Set(['p', 'li', 'td', 'th', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Each block picks its own direction, so an Arabic line in a French lesson (and back) reads right. */
export function rehypeAutoDir() {
	return (tree: HastRoot) => {
		visit(tree, 'element', (node: Element) => {
			if (AUTO_DIR.has(node.tagName) && node.properties.dir === undefined)
				node.properties.dir = 'auto';
		});
	};
}

/** Lets the caller map link and image URLs (relative lesson files to reader URLs, say). */
export function rehypeRewriteUrls({
	rewrite
}: {
	rewrite?: (url: string, kind: 'link' | 'image') => string;
}) {
	return (tree: HastRoot) => {
		if (!rewrite) return;
		visit(tree, 'element', (node: Element) => {
			if (node.tagName === 'a' && typeof node.properties.href === 'string')
				node.properties.href = rewrite(node.properties.href, 'link');
			if (node.tagName === 'img' && typeof node.properties.src === 'string')
				node.properties.src = rewrite(node.properties.src, 'image');
		});
	};
}
