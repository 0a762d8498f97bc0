// Reading an uploaded course zip safely: sizes and entry count are checked from the zip's own
// directory before anything is inflated (and inflating never grows past the declared size),
// paths that climb out (`..`, absolute, drive letters) are refused, and only course files pass.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { DomainError } from '../../errors.ts';

export const ZIP_LIMITS = {
	/** The upload itself. */
	bytes: 20 * 1024 * 1024,
	/** Every file inflated, together. */
	totalBytes: 50 * 1024 * 1024,
	/** One file inflated (an image is at most 5 MB; a lesson far less). */
	fileBytes: 5 * 1024 * 1024,
	entries: 1000
};

/** The only files a course folder holds: YAML, Markdown, and WebP images. */
const COURSE_FILE = /\.(ya?ml|md|webp)$/;
/** What archivers add beside the files (macOS resource forks, Finder and Windows metadata). */
const NOISE = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/;

/** A safe relative path, or null: no `..`, `.`, empty or absolute segments, no backslashes. */
function safePath(name: string): string | null {
	if (name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name)) return null;
	if (name.startsWith('/')) return null;
	const segments = name.replace(/\/$/, '').split('/');
	if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
	return segments.join('/');
}

/**
 * The course files of a zip, by path relative to the course folder (a single top folder, as our
 * own download has, is taken off). Throws a DomainError naming the first entry refused.
 */
export function readCourseZip(bytes: Uint8Array): Map<string, Uint8Array> {
	if (bytes.length > ZIP_LIMITS.bytes) throw new DomainError('zip_too_large', 'zip');
	const infos: UnzipFileInfo[] = [];
	try {
		unzipSync(bytes, {
			filter: (f) => {
				infos.push(f);
				if (infos.length > ZIP_LIMITS.entries) throw new DomainError('zip_too_many_entries', 'zip');
				return false;
			}
		});
	} catch (e) {
		if (e instanceof DomainError) throw e;
		throw new DomainError('zip_unreadable', 'zip');
	}
	const files = infos.filter((f) => !f.name.endsWith('/') && !NOISE.test(f.name));
	let total = 0;
	for (const f of files) {
		if (safePath(f.name) === null) throw new DomainError('zip_unsafe_path', 'zip');
		if (f.originalSize > ZIP_LIMITS.fileBytes) throw new DomainError('zip_too_large', 'zip');
		total += f.originalSize;
		if (total > ZIP_LIMITS.totalBytes) throw new DomainError('zip_too_large', 'zip');
		if (!COURSE_FILE.test(f.name) || f.name.split('/').some((s) => s.startsWith('.')))
			throw new DomainError('zip_not_course_file', 'zip');
	}
	if (files.length === 0) throw new DomainError('zip_unreadable', 'zip');
	const wanted = new Set(files.map((f) => f.name));
	let inflated: Record<string, Uint8Array>;
	try {
		inflated = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
	} catch {
		throw new DomainError('zip_unreadable', 'zip');
	}
	const names = Object.keys(inflated);
	const top = names[0]?.split('/')[0] ?? '';
	const strip = !names.includes('course.yaml') && names.every((n) => n.startsWith(`${top}/`));
	const out = new Map<string, Uint8Array>();
	for (const [name, data] of Object.entries(inflated))
		out.set(strip ? name.slice(top.length + 1) : name, data);
	return out;
}
