import type { LayoutServerLoad } from './$types';

// Only what the header needs; a layout load protects nothing (each page guards itself).
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
	locale: locals.locale
});
