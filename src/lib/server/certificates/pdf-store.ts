import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RenderOptions } from './pdf.ts';
import type { CertificateSnapshot } from './types.ts';

export type Render = (snapshot: CertificateSnapshot, options: RenderOptions) => Promise<Buffer>;

// Bump when the drawing code changes, so stored files are rendered afresh.
const LAYOUT_VERSION = 1;
const pending = new Map<string, Promise<Buffer>>();

/**
 * A certificate's PDF in one language, rendered once and kept under `<dataDir>/certificates/pdf/`,
 * named by the hash of everything that goes into it (snapshot, options, layout version).
 * Revocation is not in the file: the verify page, reached by its QR code, is the truth.
 */
export async function storedCertificatePdf(
	{ dataDir, render }: { dataDir: string; render: Render },
	snapshot: CertificateSnapshot,
	options: RenderOptions
): Promise<Buffer> {
	const address = createHash('sha256')
		.update(JSON.stringify({ LAYOUT_VERSION, snapshot, options }))
		.digest('hex');
	const dir = path.join(dataDir, 'certificates', 'pdf');
	const file = path.join(dir, `${address}.pdf`);
	try {
		return await fs.readFile(file);
	} catch {
		// Not stored yet: render below, once even when several requests ask at the same time.
	}
	let job = pending.get(file);
	if (!job) {
		job = (async () => {
			const pdf = await render(snapshot, options);
			await fs.mkdir(dir, { recursive: true });
			const tmp = `${file}.${process.pid}.tmp`;
			await fs.writeFile(tmp, pdf);
			await fs.rename(tmp, file);
			return pdf;
		})().finally(() => pending.delete(file));
		pending.set(file, job);
	}
	return job;
}
