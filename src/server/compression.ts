import zlib from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';

// One home for how answers are compressed: @fastify/compress with these options, for every
// answer; the page cache (page-cache.ts) keeps the plugin's output rather than compressing again.

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

/**
 * Every buffered answer up to 256 kB is compressed in one synchronous call. The plugin's
 * default ceiling for that (8 kB on two cores) sent a lesson page through a compression stream,
 * which cost a sixth of the page's CPU time; the page cache also keeps only one-shot output.
 */
export const COMPRESS_OPTIONS: FastifyCompressOptions = {
	encodings: ['br', 'gzip'],
	threshold: 1024,
	syncThreshold: 256 * 1024,
	brotliOptions: BROTLI_OPTIONS
};
