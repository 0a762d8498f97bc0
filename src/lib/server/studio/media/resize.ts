// Image bytes in, WebP out, with sharp: the course's copy (at most 1600 px, what the course files
// keep) and the reader's copies at phone-friendly widths. sharp writes no metadata (EXIF, GPS,
// ICC names) unless asked, and the picture is turned upright first so nothing depends on EXIF.
import sharp, { type Metadata, type Sharp } from 'sharp';
import { DomainError } from '../../errors.ts';
import { imageKind } from '../../courses/format/image-kind.ts';

/** What an upload may weigh; larger is refused before sharp reads it. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Decoded size limit (a small file may claim a huge canvas: a decompression bomb). */
export const MAX_INPUT_PIXELS = 40_000_000;
/** The widths a reader gets; narrower images keep their own width. */
export const VARIANT_WIDTHS = [360, 720, 1080] as const;
const MASTER_SIDE = 1600;

export type Encoded = { data: Buffer; width: number; height: number };

/** Refuses what is not a PNG, JPEG or WebP by its bytes (SVG with its own reason), or too large. */
export function checkUpload(bytes: Uint8Array): void {
	if (bytes.length > MAX_UPLOAD_BYTES) throw new DomainError('image_too_large', 'image');
	const kind = imageKind(bytes);
	if (kind === 'svg') throw new DomainError('image_svg_refused', 'image');
	if (kind !== 'png' && kind !== 'jpeg' && kind !== 'webp')
		throw new DomainError('image_type_unsupported', 'image');
}

async function encode(pipeline: Sharp, quality: number): Promise<Encoded> {
	const { data, info } = await pipeline.webp({ quality }).toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
}

/** The course's copy of an upload: upright, at most 1600 px a side, WebP, metadata stripped. */
export async function makeMaster(bytes: Uint8Array): Promise<Encoded> {
	checkUpload(bytes);
	const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };
	let meta: Metadata;
	try {
		meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
	} catch {
		throw new DomainError('image_unreadable', 'image');
	}
	if (meta.width * meta.height > MAX_INPUT_PIXELS || (meta.pages ?? 1) > 1)
		throw new DomainError('image_too_many_pixels', 'image');
	try {
		const pipeline = sharp(bytes, options)
			.autoOrient()
			.resize({ width: MASTER_SIDE, height: MASTER_SIDE, fit: 'inside', withoutEnlargement: true });
		return await encode(pipeline, 82);
	} catch {
		throw new DomainError('image_unreadable', 'image');
	}
}

/** The widths to make for an image `width` px wide: each standard width below it, and its own. */
export function variantWidths(width: number): number[] {
	const below = VARIANT_WIDTHS.filter((w) => w < width);
	return below.length === VARIANT_WIDTHS.length ? [...below] : [...below, width];
}

/** The reader's copies of a course image (its master, as the course files hold it). */
export async function makeVariants(master: Uint8Array): Promise<Encoded[]> {
	const meta = await sharp(master, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
	const out: Encoded[] = [];
	for (const width of variantWidths(meta.width))
		out.push(
			await encode(sharp(master, { limitInputPixels: MAX_INPUT_PIXELS }).resize({ width }), 78)
		);
	return out;
}
