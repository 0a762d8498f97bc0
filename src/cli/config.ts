import { ConfigError, loadConfig, type Config } from '../lib/server/config.ts';

/**
 * The configuration for a command, or null after printing why it is wrong: commands exit 2 on
 * a bad setting with one readable line, never a stack.
 */
export function commandConfig(): Config | null {
	try {
		return loadConfig();
	} catch (e) {
		if (!(e instanceof ConfigError)) throw e;
		console.error(`Configuration error: ${e.message}`);
		return null;
	}
}
