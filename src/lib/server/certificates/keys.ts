import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/**
 * Ed25519 keys that sign certificates, kept as JWK files in `<dataDir>/keys/` (never in git:
 * dataDir is beside the database). One file per key, readable by the server's user only; a
 * `current` file names the key that signs new credentials. Rotation adds a key and moves
 * `current`: old keys stay, so their public halves keep verifying what they signed.
 */
export type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: PublicJwk };
export type PublicJwk = JWK & {
	kid: string;
	kty: 'OKP';
	crv: 'Ed25519';
	x: string;
	alg: 'EdDSA';
	use: 'sig';
};
export type PublicJwks = { keys: PublicJwk[] };

const ALG = 'EdDSA';
const keysDir = (dataDir: string) => path.join(dataDir, 'keys');
const currentFile = (dataDir: string) => path.join(keysDir(dataDir), 'current');

function publicPart(jwk: JWK, kid: string): PublicJwk {
	if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x)
		throw new Error(`Key ${kid} is not an Ed25519 key`);
	return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: ALG, use: 'sig' };
}

/** `2026-11-22-k7q3m9`: sorts by creation day, and random enough that two servers never collide. */
function newKid(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(5));
	const random = Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
	return `${new Date().toISOString().slice(0, 10)}-${random}`;
}

async function createKey(dataDir: string): Promise<string> {
	fs.mkdirSync(keysDir(dataDir), { recursive: true, mode: 0o700 });
	const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
	const kid = newKid();
	const jwk = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
	// 'wx': never overwrite a key; mode 0600 from the first byte, not chmod after the fact.
	fs.writeFileSync(path.join(keysDir(dataDir), `${kid}.jwk.json`), JSON.stringify(jwk, null, 2), {
		mode: 0o600,
		flag: 'wx'
	});
	return kid;
}

/** Points `current` at `kid` atomically (write then rename), so a reader never sees half a name. */
function setCurrent(dataDir: string, kid: string): void {
	const tmp = `${currentFile(dataDir)}.${process.pid}.tmp`;
	fs.writeFileSync(tmp, kid, { mode: 0o600 });
	fs.renameSync(tmp, currentFile(dataDir));
}

/** Every key on disk, oldest first. */
export async function loadKeys(dataDir: string): Promise<SigningKey[]> {
	let files: string[];
	try {
		files = fs.readdirSync(keysDir(dataDir)).filter((f) => f.endsWith('.jwk.json'));
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw e;
	}
	const keys: SigningKey[] = [];
	for (const file of files.sort()) {
		const full = path.join(keysDir(dataDir), file);
		const jwk = JSON.parse(fs.readFileSync(full, 'utf8')) as JWK;
		const kid = file.slice(0, -'.jwk.json'.length);
		if (jwk.kid !== kid) throw new Error(`${full}: kid "${jwk.kid}" does not match the file name`);
		const privateKey = (await importJWK(jwk, ALG)) as CryptoKey;
		keys.push({ kid, privateKey, publicJwk: publicPart(jwk, kid) });
	}
	return keys;
}

/** The key that signs new credentials, created on first use. */
export async function currentSigningKey(dataDir: string): Promise<SigningKey> {
	let kid: string | undefined;
	try {
		kid = fs.readFileSync(currentFile(dataDir), 'utf8').trim();
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	if (!kid) return rotateKey(dataDir);
	const key = (await loadKeys(dataDir)).find((k) => k.kid === kid);
	if (!key)
		throw new Error(
			`${currentFile(dataDir)} names key "${kid}", which is not in ${keysDir(dataDir)}`
		);
	return key;
}

/** Makes a new current key; the previous keys stay published for verifying what they signed. */
export async function rotateKey(dataDir: string): Promise<SigningKey> {
	const kid = await createKey(dataDir);
	setCurrent(dataDir, kid);
	const key = (await loadKeys(dataDir)).find((k) => k.kid === kid);
	if (!key) throw new Error(`Key ${kid} vanished right after it was written`);
	return key;
}

/** The public halves of every key, for /.well-known/jwks.json. */
export async function publicJwks(dataDir: string): Promise<PublicJwks> {
	return { keys: (await loadKeys(dataDir)).map((k) => k.publicJwk) };
}
