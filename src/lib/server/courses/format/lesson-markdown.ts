import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import { calloutMarkerProblem, readCalloutMarker } from './callouts.ts';
import type { Report } from './problems.ts';

const parser = unified().use(remarkParse).use(remarkGfm);
const WORDS = { min: 400, max: 900 };

/** Parses lesson Markdown to mdast (GitHub-flavoured: tables, footnotes). */
export const parseMarkdown = (markdown: string): Root => parser.parse(markdown);

/** A URL that points into the course's own files (not another site, not an anchor on this page). */
export function isLocalUrl(url: string): boolean {
	return (
		url !== '' &&
		!/^[a-z][a-z0-9+.-]*:/i.test(url) &&
		!url.startsWith('//') &&
		!url.startsWith('#') &&
		!url.startsWith('/')
	);
}

/** The file a local URL names, without its #fragment or ?query. */
const targetOf = (url: string, file: string): string =>
	path.resolve(path.dirname(file), decodeURIComponent(url.replace(/[?#].*$/, '')));

type Ctx = {
	file: string;
	report: Report;
	lineOffset: number;
	/** The course's `evidence` month: a STATUS block dated later is a warning. */
	evidence?: string | null;
	/** Worksheets and guides are not lessons: no 400–900 word advice for them. */
	countWords?: boolean;
};

/** Reports broken links and images, images without alt text, bad blocks and raw HTML. */
export function checkLessonMarkdown(markdown: string, ctx: Ctx): void {
	const tree = parseMarkdown(markdown);
	const at = (node: Node) => ({
		line: (node.position?.start.line ?? 1) + ctx.lineOffset,
		column: node.position?.start.column ?? 1
	});
	const error = (node: Node, message: string) => {
		ctx.report.error(ctx.file, at(node), message);
	};
	visit(tree, (node) => {
		if (node.type === 'link' || node.type === 'definition') {
			const url = (node as { url: string }).url;
			if (isLocalUrl(url) && !exists(targetOf(url, ctx.file)))
				error(node, `broken link: ${url} does not exist`);
		} else if (node.type === 'image') {
			const { url, alt } = node as { url: string; alt?: string | null };
			if (!alt?.trim()) error(node, `image ${url} has no alt text`);
			if (isLocalUrl(url) && !exists(targetOf(url, ctx.file)))
				error(node, `broken image: ${url} does not exist`);
			else if (isLocalUrl(url) && path.basename(path.dirname(targetOf(url, ctx.file))) !== 'media')
				error(node, `image ${url} must be in the course's media/ folder (../media/name.webp)`);
		} else if (node.type === 'blockquote') {
			const marker = readCalloutMarker(node);
			const problem = marker && calloutMarkerProblem(marker);
			if (problem) error(node, problem);
			else if (marker?.type === 'STATUS' && ctx.evidence && (marker.arg ?? '') > ctx.evidence)
				ctx.report.warn(
					ctx.file,
					at(node),
					`[!STATUS ${marker.arg ?? ''}] is dated after the course's evidence (${ctx.evidence}): date it by its sources`
				);
		} else if (node.type === 'html') {
			error(node, 'raw HTML is not allowed in lessons (the renderer removes it)');
		} else if (node.type === 'heading' && (node as { depth: number }).depth === 1) {
			ctx.report.warn(ctx.file, at(node), 'do not repeat the title as a # heading: start at ##');
		}
	});
	if (ctx.countWords === false) return;
	const words = countWords(tree);
	if (words < WORDS.min || words > WORDS.max) {
		ctx.report.warn(
			ctx.file,
			{ line: ctx.lineOffset + 1, column: 1 },
			`a lesson should have ${WORDS.min}–${WORDS.max} words, this one has ${words}`
		);
	}
}

function exists(file: string): boolean {
	try {
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

/** Words as a reader counts them (runs of letters or digits, any script), in the text only, not URLs. */
export function countWords(markdown: string | Root): number {
	const tree = typeof markdown === 'string' ? parseMarkdown(markdown) : markdown;
	let words = 0;
	visit(tree, (node) => {
		if (node.type !== 'text' && node.type !== 'inlineCode') return;
		words +=
			(node as { value: string }).value.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0;
	});
	return words;
}
