// Compiles the interface messages (messages/*.json) into src/lib/paraglide.
// We call Paraglide's compiler ourselves, not its Vite plugin (which keeps builds alive),
// because the CLI cannot set URL patterns: every locale, Arabic included, is a URL prefix.
import fs from 'node:fs';
import { compile } from '@inlang/paraglide-js';

const origin = ':protocol://:domain(.*)::port?';
const locales = ['ar', 'fr', 'en'];

await compile({
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
	urlPatterns: [
		{
			pattern: `${origin}/:path(.*)?`,
			localized: locales.map((l) => [l, `${origin}/${l}/:path(.*)?`])
		}
	],
	// SvelteKit serves /ar, not /ar/: links must match or every home link costs a redirect.
	trailingSlash: 'never',
	emitTsDeclarations: true,
	emitReadme: false,
	// Our own locale cookie, remembered when a visitor picks a language.
	cookieName: 'tamkeen_locale'
});
/*
 * Paraglide builds a new Intl.PluralRules (or NumberFormat) for every plural (or number) in a
 * message, and a new Intl.Locale for every text-direction lookup; on a lesson page that was 5 %
 * of the server's time (issue 15, tests/bench/profile-inject.ts). These rewrites keep what was
 * built, per locale (and options). Each fails loudly if a Paraglide upgrade changes the
 * generated code.
 */
for (const [name, ctor, method] of [
	['plural', 'PluralRules', 'select'],
	['number', 'NumberFormat', 'format']
]) {
	rewrite(
		'./src/lib/paraglide/registry.js',
		new RegExp(
			`export function ${name}\\(locale, input, options\\) \\{\\s*return new Intl\\.${ctor}\\(locale, options\\)\\.${method}\\(Number\\(input\\)\\);?\\s*\\};?`
		),
		() => `const ${name}Cache = new Map();
export function ${name}(locale, input, options) {
	const key = options ? \`\${locale} \${JSON.stringify(options)}\` : locale;
	let intl = ${name}Cache.get(key);
	if (!intl) {
		intl = new Intl.${ctor}(locale, options);
		if (${name}Cache.size < 256) ${name}Cache.set(key, intl);
	}
	return intl.${method}(Number(input));
}`
	);
}
rewrite(
	'./src/lib/paraglide/runtime.js',
	/export function getTextDirection\(locale = getLocale\(\)\) \{/,
	() => `const textDirections = new Map();
export function getTextDirection(locale = getLocale()) {
	let direction = textDirections.get(locale);
	if (!direction) {
		direction = textDirectionOf(locale);
		if (textDirections.size < 64) textDirections.set(locale, direction);
	}
	return direction;
}
function textDirectionOf(locale) {`
);

function rewrite(file, pattern, replacement) {
	const source = fs.readFileSync(file, 'utf8');
	if (!pattern.test(source)) throw new Error(`${file}: ${pattern} not found (Paraglide changed?)`);
	fs.writeFileSync(file, source.replace(pattern, replacement));
}

// The inlang SDK leaves timers behind; this is a one-shot command.
process.exit(0);
