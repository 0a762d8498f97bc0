import * as m from '$lib/paraglide/messages.js';
import { intlLocale } from './intl';

// Stored codes -> words in the page's language.
const THEMES: Record<string, () => string> = {
	'urban-planning': m.theme_urban_title,
	'participatory-governance': m.theme_participation_title,
	gender: m.theme_gender_title
};
const LEVELS: Record<string, () => string> = {
	introductory: m.level_introductory,
	intermediate: m.level_intermediate,
	advanced: m.level_advanced
};

export const themeLabel = (t: string) => (THEMES[t] ?? m.theme_other)();
export const levelLabel = (l: string) => LEVELS[l]?.() ?? l;
/** A language named in the page's language, for a sentence ("en arabe", "باللغة الفرنسية"). */
export const languageInSentence = (code: string) =>
	new Intl.DisplayNames([intlLocale()], { type: 'language' }).of(code) ?? code;
/** A language named in itself, for a choice between languages (links, buttons). */
export const languageName: Record<string, string> = {
	ar: 'العربية',
	fr: 'Français',
	en: 'English'
};
