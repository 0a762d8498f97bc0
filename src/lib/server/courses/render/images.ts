import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';

/** A course image as the reader gets it: resized copies, and the size that reserves its space. */
export type ImageSource = { src: string; srcset: string; width: number; height: number };
/** Finds the image a lesson names (`../media/harbour.webp`); undefined when there is none. */
export type ImageResolver = (url: string) => ImageSource | undefined;

// The lesson column is at most about 45rem wide; a phone gets the 360 or 720 px copy.
const SIZES = '(max-width: 46rem) 100vw, 45rem';

/**
 * Course images become `<img srcset width height loading="lazy">`: phones fetch a small copy,
 * and the page does not jump when the image arrives. Other images only gain lazy loading.
 */
export function rehypeImages({ resolve }: { resolve?: ImageResolver }) {
	return (tree: HastRoot) => {
		visit(tree, 'element', (node: Element) => {
			if (node.tagName !== 'img') return;
			const src = node.properties.src;
			const found = typeof src === 'string' ? resolve?.(src) : undefined;
			if (found) {
				node.properties.src = found.src;
				node.properties.srcSet = found.srcset;
				node.properties.sizes = SIZES;
				node.properties.width = found.width;
				node.properties.height = found.height;
			}
			node.properties.loading = 'lazy';
			node.properties.decoding = 'async';
		});
	};
}
