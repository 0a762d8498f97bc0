import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { auditLog, municipality } from '../../../src/lib/server/db/schema/index.ts';
import {
	parseMunicipalities,
	saveMunicipalities
} from '../../../src/lib/server/accounts/municipalities.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';

let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

const GOOD = [
	'code,governorate,name_ar,name_fr,name_en',
	'TN-11-02,TN-11,قرطاج,Carthage,Carthage',
	'TN-61-02,Sfax,ساقية الزيت,Sakiet Ezzit,Sakiet Ezzit'
].join('\n');

describe('the municipality list', () => {
	it('starts with the 24 governorate seats, coded TN-xx-01', () => {
		const rows = t.db.select().from(municipality).all();
		expect(rows).toHaveLength(24);
		expect(rows.find((r) => r.governorateId === 'TN-11')).toMatchObject({
			code: 'TN-11-01',
			nameFr: 'Tunis',
			addedBy: null
		});
		expect(new Set(rows.map((r) => r.code)).size).toBe(24);
		expect(rows.every((r) => r.createdAt.getTime() > 0)).toBe(true);
	});

	it('reports every problem of a CSV with its line, and keeps good rows checked', () => {
		const text = [
			'code,governorate,name_ar,name_fr,name_en',
			'TN-11-02,TN-11,قرطاج,Carthage,Carthage',
			'bad code!,TN-11,x,y,z',
			'TN-99-01,Atlantis,أ,A,A',
			'TN-12-02,TN-12,,Raoued,Raoued',
			'TN-11-02,TN-11,قرطاج,Carthage,Carthage',
			'TN-11-01,TN-12,تونس,Tunis,Tunis'
		].join('\n');
		const rows = parseMunicipalities(t.db, text)!;
		expect(rows.map((r) => [r.line, r.problems])).toEqual([
			[2, []],
			[3, ['municipality_code_invalid']],
			[4, ['municipality_governorate_unknown']],
			[5, ['municipality_name_missing']],
			[6, ['municipality_code_repeated']],
			[7, ['municipality_code_taken']]
		]);
		expect(rows[0]?.value).toEqual({
			code: 'TN-11-02',
			governorateId: 'TN-11',
			nameAr: 'قرطاج',
			nameFr: 'Carthage',
			nameEn: 'Carthage'
		});
	});

	it('reads `;` files from French Excel and governorates by name', () => {
		const rows = parseMunicipalities(t.db, 'TN-61-02;Sfax;ساقية الزيت;Sakiet Ezzit;Sakiet Ezzit')!;
		expect(rows[0]?.problems).toEqual([]);
		expect(rows[0]?.value?.governorateId).toBe('TN-61');
	});

	it('adds new codes, updates known ones, records who added them, and audits the import', async () => {
		const admin = await createUser(t.db, {
			name: 'Admin',
			email: 'admin@example.tn',
			password: 'a long passphrase',
			locale: 'fr',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null,
			role: 'admin'
		});
		const rows = parseMunicipalities(t.db, GOOD)!;
		const values = rows.flatMap((r) => (r.value ? [r.value] : []));
		expect(saveMunicipalities(t.db, { rows: values, actorId: admin.id })).toEqual({
			added: 2,
			updated: 0
		});
		expect(saveMunicipalities(t.db, { rows: values, actorId: admin.id })).toEqual({
			added: 0,
			updated: 2
		});
		const carthage = t.db
			.select()
			.from(municipality)
			.where(eq(municipality.code, 'TN-11-02'))
			.get();
		expect(carthage).toMatchObject({ governorateId: 'TN-11', addedBy: admin.id });
		const audit = t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'municipality.import'))
			.all();
		expect(audit.map((a) => a.details)).toEqual([
			{ added: 2, updated: 0 },
			{ added: 0, updated: 2 }
		]);
	});

	it('imports from the command line, and refuses a file with a bad line without saving any', () => {
		const good = path.join(t.dir, 'good.csv');
		const bad = path.join(t.dir, 'bad.csv');
		fs.writeFileSync(good, 'TN-11-02,TN-11,قرطاج,Carthage,Carthage\n');
		fs.writeFileSync(bad, 'TN-11-03,TN-11,المرسى,La Marsa,La Marsa\nx!,TN-11,a,b,c\n');
		const run = (file: string) =>
			spawnSync('npx', ['tsx', 'src/cli/municipalities-import.ts', file], {
				env: { ...process.env, DATABASE_URL: t.file },
				encoding: 'utf8'
			});
		const refused = run(bad);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('line 2: The code is required');
		const done = run(good);
		expect(done.stdout).toContain('Added 1, updated 0');
		expect(done.status).toBe(0);
		const codes = t.db.select({ code: municipality.code }).from(municipality).all();
		expect(codes.map((c) => c.code)).toContain('TN-11-02');
		expect(codes.map((c) => c.code)).not.toContain('TN-11-03');
	}, 90_000);
});
