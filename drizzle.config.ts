import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './db/migrations',
	dialect: 'sqlite',
	dbCredentials: { url: 'db/data/drizzle-kit.db' },
	strict: true,
	verbose: true
});
