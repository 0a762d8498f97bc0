import type { Config } from '../lib/server/config.ts';
import type { Db } from '../lib/server/db/index.ts';
import type { PdfRenderer } from '../lib/server/certificates/pdf-renderer.ts';

/**
 * What every request handler, in Fastify and in SvelteKit, works with. `pdfRenderer` (a worker
 * thread) is set by the Fastify host; under `vite dev` PDFs render on the main thread.
 */
export type AppContext = { db: Db; config: Config; pdfRenderer?: PdfRenderer };
