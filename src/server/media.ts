import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { eq } from 'drizzle-orm';
import { mediaAccess } from '../lib/server/access/media.ts';
import { mediaVariant } from '../lib/server/db/schema/index.ts';
import { variantFile } from '../lib/server/studio/media/store.ts';
import { apiUser } from './api/auth.ts';
import type { AppContext } from './context.ts';
import { routePlugin } from './route-plugin.ts';

const YEAR = 31_536_000;
const FILE = /^([0-9a-f]{64})\.webp$/;
const NotFound = Type.Object({ error: Type.String(), message: Type.String() });

/**
 * GET /media/<sha256>.webp: a resized course image, named by its own hash so it never changes.
 * A published course's images are cached by anyone for a year; a draft's go to its studio roles
 * only, and are kept out of caches like every answer that depends on who asks.
 */
export const mediaRoutes = routePlugin((app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
	app.get<{ Params: { file: string } }>(
		'/media/:file',
		{
			// Caching is decided below, by the image's access, not by the presence of a cookie.
			config: { sameForEveryone: true },
			schema: {
				operationId: 'getCourseImage',
				summary: 'A resized course image (WebP), by content hash',
				tags: ['courses'],
				params: Type.Object({ file: Type.String() }),
				response: { 404: NotFound }
			}
		},
		async (req, reply) => {
			const hash = FILE.exec(req.params.file)?.[1];
			const row =
				hash === undefined
					? undefined
					: ctx.db.select().from(mediaVariant).where(eq(mediaVariant.hash, hash)).get();
			const access = row ? mediaAccess(ctx.db, apiUser(ctx, req), row.masterHash) : 'none';
			const file = row ? variantFile(ctx.config.dataDir, row.hash) : '';
			if (!row || access === 'none' || !fs.existsSync(file))
				return reply.code(404).send({ error: 'NOT_FOUND', message: 'No such image.' });
			reply.header(
				'cache-control',
				access === 'public' ? `public, max-age=${String(YEAR)}, immutable` : 'private, no-store'
			);
			return reply.type('image/webp').send(fs.readFileSync(file));
		}
	);
});
