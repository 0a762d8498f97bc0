import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { readLastBackup, type LastBackup } from './last-backup.ts';

export type SystemStatus = {
	version: string;
	node: string;
	uptimeSeconds: number;
	/** Server processes sharing the database; one until WORKERS arrives. */
	workers: number;
	databaseBytes: number;
	walBytes: number;
	disk: { freeBytes: number; totalBytes: number } | null;
	lastBackup: LastBackup | null;
	/** Signing keys by id and creation time; never the keys themselves. */
	keys: { kid: string; createdAt: string; current: boolean }[];
};

const size = (file: string) => {
	try {
		return fs.statSync(file).size;
	} catch {
		return 0;
	}
};

let version: string | undefined;
function appVersion(): string {
	if (version) return version;
	try {
		const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as {
			version?: string;
		};
		version = pkg.version ?? 'unknown';
	} catch {
		version = 'unknown';
	}
	return version;
}

/** The database file and its write-ahead log, in bytes (0 for an in-memory database). */
export function databaseSizes(databaseUrl: string): { databaseBytes: number; walBytes: number } {
	if (databaseUrl === ':memory:') return { databaseBytes: 0, walBytes: 0 };
	return { databaseBytes: size(databaseUrl), walBytes: size(`${databaseUrl}-wal`) };
}

function signingKeys(dataDir: string): SystemStatus['keys'] {
	const dir = path.join(dataDir, 'keys');
	let files: string[];
	try {
		files = fs.readdirSync(dir).filter((f) => f.endsWith('.jwk.json'));
	} catch {
		return [];
	}
	let current = '';
	try {
		current = fs.readFileSync(path.join(dir, 'current'), 'utf8').trim();
	} catch {
		// no current key yet: it is made on first use
	}
	return files.sort().map((f) => {
		const kid = f.slice(0, -'.jwk.json'.length);
		return {
			kid,
			createdAt: fs.statSync(path.join(dir, f)).mtime.toISOString(),
			current: kid === current
		};
	});
}

/** What the admin system page shows: version, uptime, sizes, disk left, last backup, keys. */
export async function systemStatus(config: Config): Promise<SystemStatus> {
	let disk: SystemStatus['disk'] = null;
	try {
		const s = await fs.promises.statfs(config.dataDir);
		disk = { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
	} catch {
		// DATA_DIR not created yet
	}
	return {
		version: appVersion(),
		node: process.version,
		uptimeSeconds: Math.round(process.uptime()),
		workers: config.workers,
		...databaseSizes(config.databaseUrl),
		disk,
		lastBackup: readLastBackup(config.dataDir),
		keys: signingKeys(config.dataDir)
	};
}
