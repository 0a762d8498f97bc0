import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Everything Tamkeen reads from the environment, validated once. */
export type Config = {
	port: number;
	host: string;
	/** Public URL, used in links, cookies and certificates. */
	origin: URL;
	/** False when ORIGIN was not set and `origin` is the localhost default. */
	originConfigured: boolean;
	/** Path of the SQLite file (or ':memory:'). */
	databaseUrl: string;
	/** Secure cookies exactly when the public URL is https. */
	secureCookies: boolean;
	logLevel: string;
	/** Addresses/CIDRs of the reverse proxies whose X-Forwarded-* headers count; false: none. */
	trustProxy: TrustProxy;
	coursesDir: string;
	/** Folder for data kept beside the database (signing keys, backups). */
	dataDir: string;
	/** Where `db:backup` (and the schedule) puts backups; default `<dataDir>/backups`. */
	backupDir: string;
	/** How many backups to keep in `backupDir`; older ones are deleted. 0 keeps all. */
	backupKeep: number;
	/** Hours between automatic backups taken by the server; 0 (default) turns them off. */
	backupEveryHours: number;
	/** Server processes sharing the port and the database file; 1 runs without a cluster. */
	workers: number;
	/** Bearer token that opens GET /metrics; null keeps it closed (unless loopback is allowed). */
	metricsToken: string | null;
	/** METRICS_ALLOW_LOOPBACK=1: /metrics also answers requests from this machine without a token. */
	metricsAllowLoopback: boolean;
	/** Requests per minute per IP across the site; 0 turns the limit off (benchmarks). */
	rateLimitPerMinute: number;
	/** How long an anonymous public page may be replayed (src/server/page-cache.ts); 0 = never. */
	pageCacheSeconds: number;
	/** Reports hide any count of fewer learners than this (small-cell suppression); at least 2. */
	reportMinCell: number;
	/** Who issues certificates, and who signs them (names and titles per locale). */
	certificateIssuer: string;
	certificateSignatories: { name: string; title: Partial<Record<'ar' | 'fr' | 'en', string>> }[];
	/** SMTP server that sends mail (`smtp://` or `smtps://`); null: Tamkeen sends no mail. */
	smtpUrl: string | null;
	/** Sender of every mail (`Name <address>`). */
	mailFrom: string;
};

export type TrustProxy = false | string[];

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function readPort(value: string | undefined): number {
	if (value === undefined || value === '') return 3000;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
	}
	return port;
}

function readCount(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0)
		throw new ConfigError(`${name} must be a whole number, got "${value}"`);
	return n;
}

/** Below 2 nothing but zeros would be hidden: a setting that turns protection off is refused. */
function readMinCell(value: string | undefined): number {
	const k = readCount('REPORT_MIN_CELL', value, 5);
	if (k < 2) throw new ConfigError(`REPORT_MIN_CELL must be at least 2, got "${value}"`);
	return k;
}

// Named ranges that Fastify (proxy-addr) understands besides addresses and CIDRs.
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
	if (PROXY_RANGES.has(entry)) return true;
	const [address = '', prefix, ...rest] = entry.split('/');
	const version = isIP(address);
	if (version === 0 || rest.length > 0) return false;
	if (prefix === undefined) return true;
	const bits = Number(prefix);
	return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: the addresses or CIDR ranges of the reverse proxies in front of Tamkeen; only
 * they may say who the client is (X-Forwarded-For), which keys the rate limit and sign-in
 * throttling. `true` (any peer) and hop counts are refused, not mapped: both let a client that
 * reaches the port directly pick its own address, and Fastify 5 itself no longer honours hop
 * counts. A clear error at start is better than a silently different trust.
 */
function readTrustProxy(value: string | undefined): TrustProxy {
	const text = value?.trim() ?? '';
	if (text === '' || text === 'false' || text === '0') return false;
	const syntax =
		'set the addresses of your reverse proxies instead, e.g. TRUST_PROXY=127.0.0.1 (a proxy on the same machine) or TRUST_PROXY=10.0.0.2,10.1.0.0/16';
	if (text === 'true' || /^\d+$/.test(text)) {
		throw new ConfigError(
			`TRUST_PROXY=${text} would let any client choose its address with X-Forwarded-For; ${syntax}`
		);
	}
	const entries = text.split(',').map((e) => e.trim());
	const bad = entries.filter((e) => !isProxyAddress(e));
	if (bad.length > 0) {
		const list = bad.map((b) => `"${b}"`).join(', ');
		throw new ConfigError(`TRUST_PROXY: ${list} is not an IP address or CIDR range; ${syntax}`);
	}
	return entries;
}

function readSignatories(value: string | undefined): Config['certificateSignatories'] {
	if (!value) return [];
	const fail = () => {
		throw new ConfigError(
			'CERTIFICATE_SIGNATORIES must be JSON such as [{"name":"Leila Hammami","title":{"ar":"…","fr":"Directrice de la formation"}}]'
		);
	};
	let parsed: unknown;
	try {
		parsed = JSON.parse(value);
	} catch {
		fail();
	}
	if (!Array.isArray(parsed)) fail();
	for (const s of parsed as unknown[]) {
		const ok =
			s &&
			typeof s === 'object' &&
			typeof (s as { name?: unknown }).name === 'string' &&
			typeof (s as { title?: unknown }).title === 'object';
		if (!ok) fail();
	}
	return parsed as Config['certificateSignatories'];
}

/** A token short enough to guess would open /metrics to anyone: refuse it at start. */
function readMetricsToken(value: string | undefined): string | null {
	const token = given(value)?.trim();
	if (token === undefined) return null;
	if (token.length < 24)
		throw new ConfigError(
			'METRICS_TOKEN must be at least 24 characters, e.g. the output of: openssl rand -hex 24'
		);
	return token;
}

function readFlag(name: string, value: string | undefined): boolean {
	const v = given(value)?.trim().toLowerCase();
	if (v === undefined || v === '0' || v === 'false' || v === 'no') return false;
	if (v === '1' || v === 'true' || v === 'yes') return true;
	throw new ConfigError(`${name} must be 1 or 0, got "${value}"`);
}

/** A variable set to the empty string counts as unset, as `VAR= npm start` means. */
function given(value: string | undefined): string | undefined {
	return value === '' ? undefined : value;
}

function readOrigin(value: string | undefined, port: number): URL {
	const fallback = `http://localhost:${port}`;
	let url: URL;
	try {
		url = new URL(given(value) ?? fallback);
	} catch {
		throw new ConfigError(
			`ORIGIN must be a URL such as https://tamkeen.example.org, got "${value}"`
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new ConfigError(`ORIGIN must start with http:// or https://, got "${value}"`);
	}
	return new URL(url.origin);
}

/** SMTP_URL: nodemailer's connection URL; anything else stops the start with a readable line. */
function readSmtpUrl(value: string | undefined): string | null {
	const text = given(value)?.trim();
	if (text === undefined) return null;
	let url: URL | null;
	try {
		url = new URL(text);
	} catch {
		url = null;
	}
	if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname)
		throw new ConfigError(
			'SMTP_URL must look like smtp://user:password@mail.example.tn:587 or smtps://user:password@mail.example.tn:465'
		);
	return text;
}

/** WORKERS: a whole number ≥ 1, default one per core; several processes need a database file. */
function readWorkers(value: string | undefined, databaseUrl: string): number {
	const memory = databaseUrl === ':memory:';
	const n = readCount('WORKERS', value, memory ? 1 : os.availableParallelism());
	if (n < 1) throw new ConfigError(`WORKERS must be 1 or more, got "${value}"`);
	if (n > 1 && memory) {
		throw new ConfigError(
			`WORKERS=${n} needs a database file that every process opens; DATABASE_URL is :memory:`
		);
	}
	return n;
}

/** Reads and validates the configuration; throws ConfigError with a readable message. */
export function loadConfig(env: Env = process.env): Config {
	const port = readPort(env.PORT);
	const host = given(env.HOST) ?? '127.0.0.1';
	const origin = readOrigin(env.ORIGIN, port);
	const databaseUrl = given(env.DATABASE_URL) ?? 'db/data/tamkeen.db';
	const dataDir =
		given(env.DATA_DIR) ?? (databaseUrl === ':memory:' ? 'db/data' : path.dirname(databaseUrl));
	return {
		port,
		host,
		origin,
		originConfigured: Boolean(env.ORIGIN),
		databaseUrl,
		secureCookies: origin.protocol === 'https:',
		logLevel: given(env.LOG_LEVEL) ?? 'info',
		trustProxy: readTrustProxy(env.TRUST_PROXY),
		coursesDir: given(env.COURSES_DIR) ?? 'courses',
		dataDir,
		backupDir: given(env.BACKUP_DIR) ?? path.join(dataDir, 'backups'),
		backupKeep: readCount('BACKUP_KEEP', env.BACKUP_KEEP, 7),
		backupEveryHours: readCount('BACKUP_EVERY_HOURS', env.BACKUP_EVERY_HOURS, 0),
		workers: readWorkers(env.WORKERS, databaseUrl),
		metricsToken: readMetricsToken(env.METRICS_TOKEN),
		metricsAllowLoopback: readFlag('METRICS_ALLOW_LOOPBACK', env.METRICS_ALLOW_LOOPBACK),
		rateLimitPerMinute: readCount('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600),
		pageCacheSeconds: readCount('PAGE_CACHE_SECONDS', env.PAGE_CACHE_SECONDS, 10),
		reportMinCell: readMinCell(env.REPORT_MIN_CELL),
		certificateIssuer: given(env.CERTIFICATE_ISSUER) ?? 'Tamkeen',
		certificateSignatories: readSignatories(env.CERTIFICATE_SIGNATORIES),
		smtpUrl: readSmtpUrl(env.SMTP_URL),
		mailFrom: given(env.MAIL_FROM)?.trim() ?? `Tamkeen <no-reply@${origin.hostname}>`
	};
}
