import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../src/lib/server/db/index.ts';

export type TestDb = { db: Db; file: string; dir: string; close: () => void };

/** A fresh SQLite file in a temp folder, with the real migrations applied. */
export function createTestDb(): TestDb {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-test-'));
	const file = path.join(dir, 'test.db');
	const db = createDb(file);
	return {
		db,
		file,
		dir,
		close: () => {
			db.$client.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
