// The reader's copies of course images, content-addressed: `DATA_DIR/media/<sha256>.webp`, one
// row each in media_variant. Written once, never changed, so they are served as immutable.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { mediaVariant } from '../../db/schema/index.ts';
import { sha256 } from '../draft-files.ts';
import { makeVariants } from './resize.ts';

/** Where the copies live. */
export const mediaDirOf = (dataDir: string): string => path.join(dataDir, 'media');

/** The file that holds copy `hash` (a hex SHA-256, checked by the caller). */
export const variantFile = (dataDir: string, hash: string): string =>
	path.join(mediaDirOf(dataDir), `${hash}.webp`);

/** Makes the reader's copies of an image unless they exist (files and rows alike). */
export async function ensureVariants(
	db: Db,
	{ dataDir, master }: { dataDir: string; master: Uint8Array }
): Promise<void> {
	const masterHash = sha256(Buffer.from(master));
	const known = db
		.select({ hash: mediaVariant.hash })
		.from(mediaVariant)
		.where(eq(mediaVariant.masterHash, masterHash))
		.all();
	if (known.length > 0 && known.every((v) => fs.existsSync(variantFile(dataDir, v.hash)))) return;
	const made = await makeVariants(master);
	fs.mkdirSync(mediaDirOf(dataDir), { recursive: true });
	const rows = made.map((v) => {
		const hash = sha256(v.data);
		const file = variantFile(dataDir, hash);
		// Written aside, then renamed: a reader never sees half a file.
		fs.writeFileSync(`${file}.tmp`, v.data);
		fs.renameSync(`${file}.tmp`, file);
		return { hash, masterHash, width: v.width, height: v.height, bytes: v.data.length };
	});
	db.transaction((tx) => {
		for (const r of rows) tx.insert(mediaVariant).values(r).onConflictDoNothing().run();
	});
}
