import * as m from '$lib/paraglide/messages.js';

// Section and column keys of the personal-data export (src/lib/server/privacy/tables.ts) -> words
// in the page's language; messages are named export_section_<key> and export_col_<key> in snake case.
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const messages = m as unknown as Record<string, (() => string) | undefined>;

export const sectionLabel = (key: string) => messages[`export_section_${snake(key)}`]?.() ?? key;
export const columnLabel = (key: string) => messages[`export_col_${snake(key)}`]?.() ?? key;
/** The file name of a section's CSV: ASCII, so every browser keeps it. */
export const sectionFile = (key: string) => `tamkeen-${snake(key).replaceAll('_', '-')}.csv`;
