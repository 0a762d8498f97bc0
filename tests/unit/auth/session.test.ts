import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	SESSION_LIFETIME,
	createSession,
	invalidateOtherSessions,
	validateSessionToken
} from '../../../src/lib/server/auth/session.ts';
import { hashToken } from '../../../src/lib/server/auth/token.ts';
import { session } from '../../../src/lib/server/db/schema/index.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';

const DAY = 86_400_000;
let t: TestDb;
let userId: string;

beforeEach(async () => {
	t = createTestDb();
	const u = await createUser(t.db, {
		email: 'learner@example.tn',
		name: 'Learner',
		password: 'a long passphrase',
		locale: 'ar',
		position: null,
		governorateId: null,
		municipalityId: null,
		gender: null
	});
	userId = u.id;
});
afterEach(() => {
	t.close();
});

describe('sessions', () => {
	it('store only the hash of the token', () => {
		const { token } = createSession(t.db, { userId });
		const rows = t.db.select().from(session).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(hashToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('validate a fresh token and return its user', () => {
		const { token } = createSession(t.db, { userId });
		const r = validateSessionToken(t.db, token);
		expect(r.status).toBe('valid');
		if (r.status === 'valid') {
			expect(r.user.email).toBe('learner@example.tn');
			expect(r.renewed).toBe(false);
		}
	});

	it('refuse unknown and malformed tokens', () => {
		expect(validateSessionToken(t.db, 'abcdefghijklmnopqrstuvwxyz234567').status).toBe('invalid');
		expect(validateSessionToken(t.db, "'; drop table session; --").status).toBe('invalid');
	});

	it('expire after 30 days and delete the row', () => {
		const start = new Date('2026-01-01T00:00:00Z');
		const { token } = createSession(t.db, { userId, now: start });
		expect(
			validateSessionToken(t.db, token, new Date(start.getTime() + SESSION_LIFETIME)).status
		).toBe('invalid');
		expect(t.db.select().from(session).all()).toHaveLength(0);
	});

	it('are renewed to a full 30 days when used in their last 15', () => {
		const start = new Date('2026-01-01T00:00:00Z');
		const { token } = createSession(t.db, { userId, now: start });
		const day10 = new Date(start.getTime() + 10 * DAY);
		const early = validateSessionToken(t.db, token, day10);
		expect(early.status === 'valid' && early.renewed).toBe(false);
		const day20 = new Date(start.getTime() + 20 * DAY);
		const late = validateSessionToken(t.db, token, day20);
		expect(late.status === 'valid' && late.renewed).toBe(true);
		expect(late.status === 'valid' && late.session.expiresAt.getTime()).toBe(
			day20.getTime() + SESSION_LIFETIME
		);
		// Still valid on day 45, which the original expiry would have refused.
		expect(validateSessionToken(t.db, token, new Date(start.getTime() + 45 * DAY)).status).toBe(
			'valid'
		);
	});

	it('can all be ended except the current one', () => {
		const a = createSession(t.db, { userId });
		const b = createSession(t.db, { userId });
		invalidateOtherSessions(t.db, { userId, keep: a.session.id });
		expect(validateSessionToken(t.db, a.token).status).toBe('valid');
		expect(validateSessionToken(t.db, b.token).status).toBe('invalid');
	});
});
