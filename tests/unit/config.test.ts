import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/lib/server/config.ts';

describe('loadConfig', () => {
	it('uses safe defaults when nothing is set', () => {
		const c = loadConfig({});
		expect(c.port).toBe(3000);
		expect(c.host).toBe('127.0.0.1');
		expect(c.databaseUrl).toBe('db/data/tamkeen.db');
		expect(c.origin.href).toBe('http://localhost:3000/');
		expect(c.originConfigured).toBe(false);
		expect(c.secureCookies).toBe(false);
		expect(c.rateLimitPerMinute).toBe(600);
	});

	it('runs one worker per core unless WORKERS says otherwise, and one for :memory:', () => {
		expect(loadConfig({}).workers).toBe(os.availableParallelism());
		expect(loadConfig({ WORKERS: '1' }).workers).toBe(1);
		expect(loadConfig({ DATABASE_URL: ':memory:' }).workers).toBe(1);
		expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS must be 1 or more/);
		expect(() => loadConfig({ WORKERS: 'two' })).toThrow(/WORKERS must be a whole number/);
		expect(() => loadConfig({ WORKERS: '2', DATABASE_URL: ':memory:' })).toThrow(/database file/);
	});

	it('marks cookies Secure exactly when ORIGIN is https', () => {
		expect(loadConfig({ ORIGIN: 'https://tamkeen.example.tn/some/path' }).secureCookies).toBe(true);
		expect(loadConfig({ ORIGIN: 'https://tamkeen.example.tn/x' }).origin.href).toBe(
			'https://tamkeen.example.tn/'
		);
		expect(loadConfig({ ORIGIN: 'http://10.0.0.5:8080' }).secureCookies).toBe(false);
	});

	it('refuses a port that is not a whole number in range', () => {
		expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
		expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be/);
		expect(loadConfig({ PORT: '0' }).port).toBe(0);
	});

	it('refuses an ORIGIN that is not an http(s) URL', () => {
		expect(() => loadConfig({ ORIGIN: 'not a url' })).toThrow(/ORIGIN must be a URL/);
		expect(() => loadConfig({ ORIGIN: 'ftp://example.org' })).toThrow(/http:\/\/ or https/);
	});

	it('keeps data such as signing keys beside the database file', () => {
		expect(loadConfig({ DATABASE_URL: '/srv/tamkeen/db.sqlite' }).dataDir).toBe('/srv/tamkeen');
	});

	it('keeps 7 backups in DATA_DIR/backups unless told otherwise, and no schedule', () => {
		const c = loadConfig({ DATABASE_URL: '/srv/tamkeen/db.sqlite' });
		expect(c).toMatchObject({
			backupDir: '/srv/tamkeen/backups',
			backupKeep: 7,
			backupEveryHours: 0
		});
		expect(loadConfig({ BACKUP_DIR: '/mnt/b', BACKUP_KEEP: '30' })).toMatchObject({
			backupDir: '/mnt/b',
			backupKeep: 30
		});
		expect(() => loadConfig({ BACKUP_KEEP: 'many' })).toThrow(/BACKUP_KEEP must be/);
	});

	it('hides report counts below 5 unless REPORT_MIN_CELL says more, and refuses turning it off', () => {
		expect(loadConfig({}).reportMinCell).toBe(5);
		expect(loadConfig({ REPORT_MIN_CELL: '10' }).reportMinCell).toBe(10);
		expect(() => loadConfig({ REPORT_MIN_CELL: '0' })).toThrow(/at least 2/);
		expect(() => loadConfig({ REPORT_MIN_CELL: 'few' })).toThrow(/REPORT_MIN_CELL must be/);
	});

	describe('TRUST_PROXY', () => {
		it('trusts no proxy unless told which', () => {
			expect(loadConfig({}).trustProxy).toBe(false);
			expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
			expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
		});

		it('takes proxy addresses, CIDR ranges and named ranges, comma-separated', () => {
			expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
			expect(
				loadConfig({ TRUST_PROXY: '10.0.0.2, 10.1.0.0/16,::1,fd00::/8,loopback' }).trustProxy
			).toEqual(['10.0.0.2', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
		});

		it('refuses true and hop counts, which let any client pick its address (issue 9 #8)', () => {
			expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
				/TRUST_PROXY=true would let any client choose its address.*TRUST_PROXY=127\.0\.0\.1/
			);
			expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY=1 would let any client/);
		});

		it('names the entries that are not addresses', () => {
			expect(() => loadConfig({ TRUST_PROXY: '10.0.0.2,proxy.local' })).toThrow(
				/TRUST_PROXY: "proxy.local" is not an IP address or CIDR range/
			);
			for (const bad of ['10.0.0.0/33', '::1/129', '10.0.0.300', '10.0.0.0/8/1', '10.0.0.0/x', ','])
				expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
		});
	});
});
