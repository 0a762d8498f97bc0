// Types for the subset-font package (it ships none), as scripts/fonts.mjs uses it.
declare module 'subset-font' {
	export default function subsetFont(
		font: Uint8Array,
		text: string,
		options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; noHinting?: boolean }
	): Promise<Buffer>;
}
