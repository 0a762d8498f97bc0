// Worker thread entry: renders certificate PDFs so that pdfkit's ~200 ms of CPU per file never
// blocks the server's event loop (see pdf-renderer.ts).
import { parentPort } from 'node:worker_threads';
import { renderCertificatePdf, type RenderOptions } from './pdf.ts';
import type { CertificateSnapshot } from './types.ts';

export type RenderJob = { id: number; snapshot: CertificateSnapshot; options: RenderOptions };
export type RenderReply = { id: number; pdf?: Uint8Array; error?: string };

parentPort?.on('message', (job: RenderJob) => {
	renderCertificatePdf(job.snapshot, job.options).then(
		(pdf) => {
			const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
			parentPort?.postMessage({ id: job.id, pdf: bytes } satisfies RenderReply);
		},
		(e: unknown) => {
			parentPort?.postMessage({ id: job.id, error: String(e) } satisfies RenderReply);
		}
	);
});
