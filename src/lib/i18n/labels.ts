import * as m from '$lib/paraglide/messages.js';

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
export const languageName: Record<string, string> = {
	ar: 'العربية',
	fr: 'Français',
	en: 'English'
};
