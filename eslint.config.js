// Lint rules are the house style made executable (STYLE.md §23): typescript-eslint's strictest
// type-checked set for every .ts and .svelte file, and Svelte's recommended rules.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'dist-server/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'tests/fixtures/',
			'tests/artifacts/',
			'tests/.tmp/',
			'drizzle.config.ts'
		]
	},
	js.configs.recommended,
	...ts.configs.strictTypeChecked,
	...ts.configs.stylisticTypeChecked,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			// Numbers and booleans in template strings read naturally in messages and paths.
			// The codebase describes data with type aliases (unions and intersections read alike).
			'@typescript-eslint/consistent-type-definitions': ['error', 'type'],
			'@typescript-eslint/restrict-template-expressions': [
				'error',
				{ allowNumber: true, allowBoolean: true }
			],
			// Links are `/{locale}/path` from href() and reach routes through the reroute hook, so they
			// are not route ids that resolve() accepts; there is no base path to add. goto() still needs it.
			'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }],
			// `const { a: _, ...rest } = o` is how a copy without one key is written.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }]
		}
	},
	{
		// SvelteKit's App.Locals, App.Error and App.Platform exist only as interfaces to merge into.
		files: ['src/app.d.ts'],
		rules: { '@typescript-eslint/consistent-type-definitions': 'off' }
	},
	{
		// In a test, `!` on a row or an element it just created is the assertion: a missing value
		// fails the test on that line; a guard before each one would only restate it.
		files: ['tests/**'],
		rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
	},
	{
		// Plain JS build scripts and configs are not part of any tsconfig project.
		files: ['**/*.js', '**/*.mjs'],
		...ts.configs.disableTypeChecked
	}
);
