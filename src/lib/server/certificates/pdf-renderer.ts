import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderOptions } from './pdf.ts';
import type { RenderJob, RenderReply } from './pdf-worker.ts';
import type { CertificateSnapshot } from './types.ts';

export type PdfRenderer = {
	render: (snapshot: CertificateSnapshot, options: RenderOptions) => Promise<Buffer>;
	close: () => Promise<void>;
};

/**
 * The worker beside this module: `pdf-worker.js` when the server runs compiled (dist-server);
 * `pdf-worker.ts` when tests run the sources, imported through tsx (a dev dependency), since
 * Node 20 cannot strip types and a worker gets no `--import` loader of its own.
 */
function startWorker(): Worker {
	const here = fileURLToPath(import.meta.url);
	if (here.endsWith('.js')) return new Worker(here.replace(/pdf-renderer\.js$/, 'pdf-worker.js'));
	const file = JSON.stringify(here.replace(/pdf-renderer\.ts$/, 'pdf-worker.ts'));
	const code = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${file}, ${JSON.stringify(import.meta.url)}))`;
	return new Worker(code, { eval: true });
}

/** Renders certificate PDFs in one worker thread, started at the first request. */
export function createPdfRenderer(): PdfRenderer {
	let worker: Worker | null = null;
	let nextId = 0;
	const waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

	const failAll = (e: Error) => {
		for (const w of waiting.values()) w.reject(e);
		waiting.clear();
		worker = null;
	};
	const start = () => {
		const w = startWorker();
		w.unref();
		w.on('message', (reply: RenderReply) => {
			const job = waiting.get(reply.id);
			if (!job) return;
			waiting.delete(reply.id);
			if (reply.pdf) job.resolve(Buffer.from(reply.pdf));
			else job.reject(new Error(reply.error ?? 'render failed'));
		});
		w.on('error', failAll);
		w.on('exit', () => {
			failAll(new Error('PDF worker stopped'));
		});
		return w;
	};
	return {
		render: (snapshot, options) => {
			worker ??= start();
			const id = nextId++;
			const job: RenderJob = { id, snapshot, options };
			const active = worker;
			return new Promise((resolve, reject) => {
				waiting.set(id, { resolve, reject });
				active.postMessage(job);
			});
		},
		close: async () => {
			const w = worker;
			worker = null;
			if (w) await w.terminate();
		}
	};
}
