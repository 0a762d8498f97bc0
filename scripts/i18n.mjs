// Compiles the interface messages (messages/*.json) into src/lib/paraglide.
// We call Paraglide's compiler ourselves, not its Vite plugin (which keeps builds alive),
// because the CLI cannot set URL patterns: every locale, Arabic included, is a URL prefix.
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
// The inlang SDK leaves timers behind; this is a one-shot command.
process.exit(0);
