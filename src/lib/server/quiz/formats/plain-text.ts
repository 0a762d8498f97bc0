// Moodle exports most texts as HTML (`[html]<p>…</p>`). Course prompts are plain text, so
// imported HTML becomes text: paragraphs and line breaks become newlines, other tags go, and
// the common entities are decoded. Markdown and plain text are kept as written.
import type { TextFormat } from './parsed.ts';

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

export function toPlainText(text: string, format: TextFormat): string {
	if (format !== 'html') return text;
	return text
		.replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? whole;
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff
				? String.fromCodePoint(code)
				: whole;
		})
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
