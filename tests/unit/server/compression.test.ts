import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import compress from '@fastify/compress';
import { COMPRESS_OPTIONS } from '../../../src/server/compression.ts';

describe('page compression', () => {
	it('compresses a 100 kB page in one shot (a known length), not through a stream', async () => {
		const page = Buffer.from('<p>مرحبا بكم في الدرس</p>\n'.repeat(3000));
		expect(page.length).toBeGreaterThan(100_000);
		const app = Fastify();
		await app.register(compress, COMPRESS_OPTIONS);
		app.get('/', (_req, reply) => reply.type('text/html').send(page));
		try {
			const res = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, br' } });
			expect(res.headers['content-encoding']).toBe('br');
			// The stream path drops content-length and answers chunked.
			expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
			expect(zlib.brotliDecompressSync(res.rawPayload).equals(page)).toBe(true);
		} finally {
			await app.close();
		}
	});
});
