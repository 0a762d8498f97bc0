import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createDb, type DbLike } from '../../../src/lib/server/db/index.ts';
import { appState } from '../../../src/lib/server/db/schema/index.ts';
import { preparedOn } from '../../../src/lib/server/db/prepared.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';

let t: TestDb;
afterEach(() => {
	t.close();
});

let builds = 0;
const valueOf = (db: DbLike) => {
	builds++;
	return db
		.select({ value: appState.value })
		.from(appState)
		.where(eq(appState.key, sql.placeholder('key')))
		.prepare();
};

const setValue = (db: DbLike, value: number) =>
	db
		.insert(appState)
		.values({ key: 'probe', value, updatedAt: new Date() })
		.onConflictDoUpdate({ target: appState.key, set: { value } })
		.run();

describe('statements prepared once per connection', () => {
	it('shares one statement between the database and its transactions, and each sees its own state', () => {
		t = createTestDb();
		builds = 0;
		setValue(t.db, 1);
		expect(preparedOn(t.db, valueOf).get({ key: 'probe' })?.value).toBe(1);
		expect(() =>
			t.db.transaction((tx) => {
				setValue(tx, 2);
				// Prepared outside, run inside: it reads the transaction's own uncommitted write.
				expect(preparedOn(tx, valueOf).get({ key: 'probe' })?.value).toBe(2);
				tx.transaction((savepoint) => {
					setValue(savepoint, 3);
					expect(preparedOn(savepoint, valueOf).get({ key: 'probe' })?.value).toBe(3);
				});
				throw new Error('roll back');
			})
		).toThrow('roll back');
		expect(preparedOn(t.db, valueOf).get({ key: 'probe' })?.value).toBe(1);
		// Compiled once for all of the above; a Drizzle that stopped handing its session to
		// transactions would fail here rather than quietly compile on every call again.
		expect(builds).toBe(1);
	});

	it('keeps statements apart for two connections to one file', () => {
		t = createTestDb();
		builds = 0;
		const other = createDb(t.file);
		try {
			preparedOn(t.db, valueOf).get({ key: 'probe' });
			preparedOn(other, valueOf).get({ key: 'probe' });
			expect(builds).toBe(2);
		} finally {
			other.$client.close();
		}
	});
});
