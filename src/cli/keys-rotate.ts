// npm run keys:rotate — makes a new certificate signing key the current one. Old public keys
// stay published at /.well-known/jwks.json, so credentials signed before still verify.
import { ConfigError, loadConfig } from '../lib/server/config.ts';
import { loadKeys, rotateKey } from '../lib/server/certificates/keys.ts';

try {
	const config = loadConfig();
	const key = await rotateKey(config.dataDir);
	const all = await loadKeys(config.dataDir);
	console.log(
		`New signing key ${key.kid}; ${all.length} public key(s) published. Keep ${config.dataDir}/keys in your backups.`
	);
} catch (e) {
	console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
	process.exitCode = 1;
}
