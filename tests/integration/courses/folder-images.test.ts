// A course image that arrives as a file (exported by the studio, committed, imported on another
// machine) gets its reader's copies at import, so the lesson shows it instead of a dead link.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createDb, type Db } from '../../../src/lib/server/db/index.ts';
import { lessonText, mediaVariant } from '../../../src/lib/server/db/schema/index.ts';

const SLUG = 'local-budgets';
const IMAGE = 'chart-0a1b2c3d.webp';
let root: string;
let db: Db;

beforeAll(async () => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-folder-images-'));
	const course = path.join(root, 'courses', SLUG);
	fs.cpSync(path.resolve('tests/fixtures/courses/valid', SLUG), course, { recursive: true });
	fs.mkdirSync(path.join(course, 'media'));
	const blue = { width: 800, height: 400, channels: 3 as const, background: '#036' };
	await sharp({ create: blue })
		.webp()
		.toFile(path.join(course, 'media', IMAGE));
	fs.appendFileSync(
		path.join(course, '01-basics', '02-reading.fr.md'),
		`\n![Le budget en un graphique](../media/${IMAGE})\n`
	);
	// The command-line import, as an operator runs it on a fresh machine.
	execFileSync(
		process.execPath,
		['--import', 'tsx', 'src/cli/courses-import.ts', path.join(root, 'courses')],
		{
			env: {
				...process.env,
				DATABASE_URL: path.join(root, 'data', 'tamkeen.db'),
				DATA_DIR: path.join(root, 'data')
			},
			stdio: 'pipe'
		}
	);
	db = createDb(path.join(root, 'data', 'tamkeen.db'));
}, 120_000);
afterAll(() => {
	db.$client.close();
	fs.rmSync(root, { recursive: true, force: true });
});

describe('course images committed as files', () => {
	it('get their reader copies, and the lesson points at them', () => {
		const copies = db.select().from(mediaVariant).all();
		expect(copies.map((c) => c.width)).toEqual(expect.arrayContaining([360, 720]));
		for (const c of copies)
			expect(fs.existsSync(path.join(root, 'data', 'media', `${c.hash}.webp`))).toBe(true);
		const html = db
			.select({ html: lessonText.html })
			.from(lessonText)
			.all()
			.map((r) => r.html)
			.find((h) => h.includes('Le budget en un graphique'));
		expect(html).toContain(`/media/${copies.find((c) => c.width === 720)!.hash}.webp`);
		expect(html).not.toContain(`../media/${IMAGE}`);
	});
});
