/** What an upload really is, read from its first bytes (never from its name or declared type). */
export type ImageKind = 'png' | 'jpeg' | 'webp' | 'svg' | 'gif' | 'other';

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) =>
	bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => Array.from(Buffer.from(s, 'latin1'));

/** The image format by its magic bytes; SVG is text, so it is recognised by its opening tag. */
export function imageKind(bytes: Uint8Array): ImageKind {
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
	if (startsWith(bytes, ascii('GIF8'))) return 'gif';
	const head = Buffer.from(bytes.subarray(0, 1024))
		.toString('utf8')
		.replace(/^\uFEFF/, '');
	if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
		return 'svg';
	return 'other';
}
