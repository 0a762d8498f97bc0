// The toolbar's blocks: the lesson format's callouts (a dated STATUS box among them), a figure,
// a table and a footnote, as Markdown a trainer can insert without knowing the syntax.
export const SNIPPETS = {
	note: '> [!NOTE]\n> …\n',
	tip: '> [!TIP]\n> …\n',
	warning: '> [!WARNING]\n> …\n',
	status: '> [!STATUS {MONTH}]\n> …\n',
	figure: '![…](media/image.png "…")\n',
	table: '| … | … |\n| --- | --- |\n| … | … |\n',
	footnote: '…[^1]\n\n[^1]: …\n'
} as const;
export type SnippetName = keyof typeof SNIPPETS;
export const SNIPPET_NAMES = Object.keys(SNIPPETS) as SnippetName[];

/** The snippet's Markdown; a STATUS box carries the month of `today` (YYYY-MM-DD). */
export function snippetText(name: SnippetName, today: string): string {
	return SNIPPETS[name].replace('{MONTH}', today.slice(0, 7));
}

/** The body with the snippet appended as its own block (no-JS insert: at the end). */
export function appendSnippet(body: string, name: SnippetName, today: string): string {
	const trimmed = body.replace(/\s+$/, '');
	return `${trimmed}${trimmed ? '\n\n' : ''}${snippetText(name, today)}`;
}
