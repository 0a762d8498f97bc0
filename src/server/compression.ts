import zlib from 'node:zlib';

// One home for how pages are compressed: @fastify/compress uses these options for every
// answer, and the page cache (page-cache.ts) compresses the pages it keeps the same way once.

/**
 * Pages are a few kB: a 256 kB window compresses them as well as the default 4 MB one, and
 * setting up each stream costs far less (measured in tests/bench).
 */
export const BROTLI_OPTIONS: zlib.BrotliOptions = {
	params: {
		[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
		[zlib.constants.BROTLI_PARAM_QUALITY]: 5,
		[zlib.constants.BROTLI_PARAM_LGWIN]: 18
	}
};

export type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding to answer in: brotli, else gzip, when the client accepts it (q > 0). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
	const accepted = new Set<string>();
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [name = '', ...params] = part.split(';').map((s) => s.trim());
		const q = params.find((p) => p.startsWith('q='));
		if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name);
	}
	if (accepted.has('br')) return 'br';
	if (accepted.has('gzip')) return 'gzip';
	return 'identity';
}

export function compress(body: Buffer, encoding: Encoding): Buffer {
	if (encoding === 'br') return zlib.brotliCompressSync(body, BROTLI_OPTIONS);
	if (encoding === 'gzip') return zlib.gzipSync(body);
	return body;
}
