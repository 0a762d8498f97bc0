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
});
