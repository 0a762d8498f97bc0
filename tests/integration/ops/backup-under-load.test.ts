import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { loadConfig } from '../../../src/lib/server/config.ts';
import { signedCredential } from '../../../src/lib/server/certificates/issued-credential.ts';
import { createDb } from '../../../src/lib/server/db/index.ts';
import { certificate, course } from '../../../src/lib/server/db/schema/index.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';
import { takeBackup, type BackupResult } from '../../../src/lib/server/ops/backup.ts';
import { restoreBackup } from '../../../src/lib/server/ops/restore.ts';
import { auditDb, bootServer, runLoad, type LoadStats } from '../../bench/quiz-load.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';

/** Two learners who completed the course on the live server: their certificates and credentials. */
async function certify(dbFile: string) {
	const db = createDb(dbFile);
	const config = loadConfig({ DATABASE_URL: dbFile });
	try {
		const courseId = db
			.select()
			.from(course)
			.where(eq(course.slug, 'participatory-governance'))
			.get()!.id;
		const out: { code: string; jwt: string }[] = [];
		for (const name of ['Amina Ben Salah', 'Youssef Trabelsi']) {
			const u = await createUser(db, {
				email: `${name.split(' ')[0]!.toLowerCase()}.${Date.now()}@example.tn`,
				name,
				password: 'une phrase de passe',
				locale: 'fr',
				position: null,
				governorateId: null,
				municipalityId: null,
				gender: null
			});
			enrol(db, { userId: u.id, courseId });
			passAllQuizzes(db, { userId: u.id, courseId });
			finishLessons(db, { userId: u.id, courseId });
			const row = db.select().from(certificate).where(eq(certificate.userId, u.id)).get()!;
			out.push({ code: row.code, jwt: await signedCredential({ db, config }, row) });
		}
		return out;
	} finally {
		db.$client.close();
	}
}

describe('a backup taken during the quiz load', () => {
	it(
		'restores into a fresh folder where the server starts with every answer acknowledged before it began, a sound database and certificates that verify with the restored keys',
		{ timeout: 120_000 },
		async () => {
			const live = await bootServer();
			const certs = await certify(live.dbFile);
			const into = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-backups-'));
			const settings = loadConfig({ DATABASE_URL: live.dbFile, BACKUP_DIR: into });
			let backup: Promise<BackupResult> | undefined;
			let acknowledged: LoadStats['saved'] = [];
			const load = await runLoad(() => live.url, {
				learners: 200,
				concurrency: 20,
				answers: 5,
				onSave: (stats) => {
					if (backup || stats.saves < 400) return;
					// Every 2xx so far was committed before the backup starts reading.
					acknowledged = [...stats.saved];
					backup = takeBackup(settings);
				}
			});
			const b = await backup!;
			// The backup really overlapped the load: answers were still being saved after it began.
			expect(load.saves).toBe(1000);
			expect(acknowledged.length).toBeGreaterThanOrEqual(400);
			expect(acknowledged.length).toBeLessThan(1000);

			// A second server may not be restored over the running one.
			expect(() => restoreBackup(settings, b.dir)).toThrow(/is in use by another process/);
			await live.stop();

			const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-restored-'));
			const restored = restoreBackup(
				loadConfig({ DATABASE_URL: path.join(fresh, 'tamkeen.db') }),
				b.dir
			);
			expect(restored.dataFiles.some((f) => f.endsWith('/keys/current'))).toBe(true);
			const audit = auditDb(path.join(fresh, 'tamkeen.db'), acknowledged);
			expect(audit).toMatchObject({ lost: 0, duplicates: 0, integrity: 'ok' });
			expect(audit.answersInDb).toBeGreaterThanOrEqual(acknowledged.length);

			const again = await bootServer(fresh);
			try {
				expect((await fetch(`${again.url}/healthz`)).ok).toBe(true);
				for (const c of certs) {
					const byCode = await fetch(`${again.url}/api/v1/certificates/${c.code}`);
					expect(byCode.status).toBe(200);
					expect(await byCode.json()).toMatchObject({ status: 'valid', code: c.code });
					// Signed by the original server's key before the backup: only the restored key
					// set can verify it (a server without it would make a new key).
					const check = await fetch(`${again.url}/api/v1/credentials/verify`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ credential: c.jwt })
					});
					expect(check.status).toBe(200);
					expect(await check.json()).toMatchObject({ valid: true, code: c.code });
				}
			} finally {
				await again.stop();
			}
			for (const d of [live.dir, into, fresh]) fs.rmSync(d, { recursive: true, force: true });
		}
	);
});
