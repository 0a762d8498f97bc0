import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/lib/server/auth/password.ts';

describe('passwords', () => {
	it('are hashed with argon2id at our cost settings', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(hash).not.toContain('correct horse');
	});

	it('verify only the right password, including Arabic ones', async () => {
		const hash = await hashPassword('كلمة سر طويلة جدا');
		expect(await verifyPassword(hash, 'كلمة سر طويلة جدا')).toBe(true);
		expect(await verifyPassword(hash, 'كلمة سر طويلة جدأ')).toBe(false);
	});

	it('treat a malformed stored hash as a failed check, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'whatever123')).toBe(false);
	});

	it('salt every hash, so equal passwords give different hashes', async () => {
		expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
	});
});
