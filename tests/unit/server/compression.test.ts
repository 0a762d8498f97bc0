import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { compress, pickEncoding } from '../../../src/server/compression.ts';

describe('pickEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(pickEncoding('gzip, deflate, br')).toBe('br');
		expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
		expect(pickEncoding('gzip;q=0.5')).toBe('gzip');
		expect(pickEncoding('br;q=0, gzip;q=0')).toBe('identity');
		expect(pickEncoding('deflate')).toBe('identity');
		expect(pickEncoding(undefined)).toBe('identity');
	});
});

describe('compress', () => {
	it('gives bytes the client can decode', () => {
		const page = Buffer.from('<p>مرحبا</p>'.repeat(200));
		expect(zlib.brotliDecompressSync(compress(page, 'br')).equals(page)).toBe(true);
		expect(zlib.gunzipSync(compress(page, 'gzip')).equals(page)).toBe(true);
		expect(compress(page, 'identity')).toBe(page);
	});
});
