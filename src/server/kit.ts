import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadableStream, getRequest } from '@sveltejs/kit/node';
import type { AppContext } from './context.ts';
import { routePlugin } from './route-plugin.ts';
import { noteKitRoute } from './route-pattern.ts';
import { createPageCache } from './page-cache.ts';
import { contentVersion } from '../lib/server/courses/cache.ts';

const BODY_LIMIT = 2 * 1024 * 1024;
/**
 * Studio uploads (an image of up to 5 MB, a course zip of up to 20 MB) are checked and refused in
 * the user's language by the studio itself; this is only the outer bound past which we stop reading.
 */
const UPLOAD_LIMIT = 24 * 1024 * 1024;
const UPLOAD_PATH = /^\/[a-z]{2}\/studio\/[^/]+\/(media|files)(\?|$)/;

type KitServer = {
	init(opts: {
		env: Record<string, string>;
		read: (file: string) => ReadableStream;
	}): Promise<void>;
	respond(
		request: Request,
		opts: { platform: App.Platform; getClientAddress: () => string }
	): Promise<Response>;
};

/**
 * Hands every request no other route claimed to SvelteKit's built Server.
 * We answer through Fastify's reply (not a hijack) so helmet, compression and
 * request logging apply to pages exactly as to the API.
 */
export async function registerKit(
	app: FastifyInstance,
	{ buildDir, ctx }: { buildDir: string; ctx: AppContext }
) {
	const load = (file: string) => import(pathToFileURL(path.join(buildDir, file)).href);
	const { Server } = (await load('kit/index.js')) as { Server: new (m: unknown) => KitServer };
	const { manifest } = (await load('kit/manifest.js')) as { manifest: unknown };
	const server = new Server(manifest);
	await server.init({
		env: process.env as Record<string, string>,
		read: (file) => createReadableStream(path.join(buildDir, 'client', file))
	});

	const pages = createPageCache({ seconds: ctx.config.pageCacheSeconds });

	await app.register(
		routePlugin((scope: FastifyInstance) => {
			// Leave bodies unread: SvelteKit parses form posts (urlencoded, multipart) itself.
			scope.removeAllContentTypeParsers();
			scope.addContentTypeParser('*', (_req, _payload, done) => {
				done(null);
			});
			// The page cache keeps what compression sent: its onSend goes after the one
			// @fastify/compress gave the route (the root's onRoute hooks run before this scope's).
			const store = async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
				pages.store(req, reply, payload);
				return payload;
			};
			scope.addHook('onRoute', (route) => {
				const own = route.onSend === undefined ? [] : [route.onSend].flat();
				route.onSend = [...own, store];
			});

			const handle = async (req: FastifyRequest, reply: FastifyReply) => {
				// Read once per request, for the page cache and for SvelteKit's content caches
				// (hooks.server.ts): another process may have imported a course meanwhile.
				const version = contentVersion(ctx.db);
				const replayed = pages.serve(req, reply, version);
				if (replayed !== null) {
					noteKitRoute(req, replayed);
					return reply;
				}
				let request: Request;
				try {
					request = await getRequest({
						base: `${req.protocol}://${req.host}`,
						request: req.raw,
						bodySizeLimit: UPLOAD_PATH.test(req.url) ? UPLOAD_LIMIT : BODY_LIMIT
					});
				} catch {
					return reply.code(400).type('text/plain').send('Bad Request');
				}
				reply.raw.once('finish', () => {
					discardUnreadBody(req.raw);
				});
				// hooks.server.ts writes the matched route id here, for logs and metrics.
				const route = { id: null as string | null };
				const response = await server.respond(request, {
					platform: { ctx, route, contentVersion: version },
					getClientAddress: () => req.ip
				});
				noteKitRoute(req, route.id);
				pages.consider(req, route.id, response);
				reply.code(response.status);
				for (const [name, value] of response.headers) reply.header(name, value);
				if (!response.body) return reply.send();
				// Pages are small and never streamed: a buffer lets compression run in one shot,
				// which costs far less per request than a compression stream (tests/bench/RESULTS.md).
				if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
					return reply.send(
						Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>)
					);
				}
				return reply.send(Buffer.from(await response.arrayBuffer()));
			};
			scope.all('/', handle);
			scope.all('/*', handle);
		})
	);
}

/**
 * SvelteKit reads a body only when the route asks for it, through a stream that pauses the
 * request. A body left unread (a refused form post, a method pages lack) then holds the
 * kept-alive connection: Node waits for it before reading the client's next request, which
 * is never answered. Throw the rest away once the answer is sent, as Node does for unread bodies.
 */
function discardUnreadBody(raw: IncomingMessage): void {
	if (raw.complete || raw.destroyed) return;
	raw.removeAllListeners('data');
	raw.resume();
}
