import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { course } from '../../../src/lib/server/db/schema/index.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { hashCourseDir } from '../../../src/lib/server/courses/import/hash.ts';
import { ensureDraft } from '../../../src/lib/server/studio/ensure-draft.ts';
import { readCourseFolder } from '../../../src/lib/server/studio/draft-files.ts';
import { draftZip } from '../../../src/lib/server/studio/files/zip-export.ts';
import { importDraftZip } from '../../../src/lib/server/studio/files/zip-import.ts';

// The zip path of the round trip: import(export(x)) holds every file's bytes and the course hash.
let t: TestDb;
let dataDir: string;
beforeEach(() => {
	t = createTestDb();
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-zip-data-'));
});
afterEach(() => {
	t.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('course zips', () => {
	it(
		'gives each shipped course the same files and content hash through download and upload',
		{ timeout: 240_000 },
		async () => {
			const actor = await createUser(t.db, {
				email: 'zip@example.tn',
				name: 'zip',
				password: 'a passphrase long enough',
				locale: 'fr',
				role: 'trainer',
				position: null,
				governorateId: null,
				municipalityId: null,
				gender: null
			});
			importCourses(t.db, { dir: 'courses' });
			const slugs = fs
				.readdirSync('courses')
				.filter((n) => fs.existsSync(`courses/${n}/course.yaml`));
			expect(slugs.length).toBe(3);
			for (const slug of slugs) {
				const row = t.db.select().from(course).where(eq(course.slug, slug)).get()!;
				expect(ensureDraft(t.db, { courseId: row.id, slug, coursesDir: 'courses' })).toBe(true);
				const zip = draftZip(t.db, { courseId: row.id, slug });
				const want = readCourseFolder(`courses/${slug}`);
				const files = unzipSync(zip);
				expect(Object.keys(files).sort()).toEqual(
					[...want.keys()].map((p) => `${slug}/${p}`).sort()
				);
				for (const [p, bytes] of want)
					expect(Buffer.from(files[`${slug}/${p}`]!).equals(bytes), p).toBe(true);
				const back = await importDraftZip(t.db, {
					actorId: actor.id,
					courseId: row.id,
					slug,
					bytes: zip,
					dataDir
				});
				expect(back).toEqual({ ok: true, changed: [], hash: hashCourseDir(`courses/${slug}`) });
				expect(back.ok && back.hash).toBe(row.contentHash);
			}
		}
	);
});
