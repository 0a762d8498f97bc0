import * as m from '$lib/paraglide/messages';

const ROLES: Record<string, () => string> = {
	owner: m.studio_role_owner,
	editor: m.studio_role_editor,
	translator: m.studio_role_translator,
	reviewer: m.studio_role_reviewer,
	trainer: m.studio_role_trainer
};

/** A course role's name in the page's language. */
export const roleLabel = (role: string): string => ROLES[role]?.() ?? role;

const STATUS: Record<string, () => string> = {
	source: m.studio_status_source,
	missing: m.studio_status_missing,
	current: m.studio_status_current,
	outdated: m.studio_status_outdated
};

/** A translation status in the page's language. */
export const statusLabel = (status: string): string => STATUS[status]?.() ?? status;
