import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import {
	GENDERS,
	LOCALES,
	POSITIONS,
	type Gender,
	type Locale,
	type Position
} from '../db/schema/index.ts';

/** Field name -> error code; codes are translated into the user's language by the routes. */
export type FieldErrors = Record<string, string>;
export type Parsed<T> =
	{ ok: true; value: T } | { ok: false; errors: FieldErrors; echo: Record<string, string> };

export type ProfileInput = {
	name: string;
	locale: Locale;
	position: Position | null;
	governorateId: string | null;
	municipalityId: number | null;
	gender: Gender | null;
};
export type RegisterInput = ProfileInput & { email: string; password: string };

// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Source = { get(name: string): unknown };
const text = (src: Source, name: string) => {
	const v = src.get(name);
	return typeof v === 'string' ? v.trim() : '';
};
const oneOf = <T extends string>(values: readonly T[], v: string): T | null =>
	(values as readonly string[]).includes(v) ? (v as T) : null;

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Checks a new password; returns an error code or null. */
export function checkPassword(password: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH) return 'password_too_short';
	if (password.length > MAX_PASSWORD_LENGTH) return 'password_too_long';
	return null;
}

function parseProfileFields(src: Source, errors: FieldErrors): ProfileInput {
	const name = text(src, 'name');
	if (!name) errors.name = 'required';
	else if (name.length > 120) errors.name = 'too_long';
	const locale = oneOf(LOCALES, text(src, 'locale'));
	if (!locale) errors.locale = 'invalid_choice';
	const rawPosition = text(src, 'position');
	const position = rawPosition ? oneOf(POSITIONS, rawPosition) : null;
	if (rawPosition && !position) errors.position = 'invalid_choice';
	const rawGender = text(src, 'gender');
	const gender = rawGender ? oneOf(GENDERS, rawGender) : null;
	if (rawGender && !gender) errors.gender = 'invalid_choice';
	const governorateId = text(src, 'governorate') || null;
	if (governorateId && !/^TN-\d{2}$/.test(governorateId)) errors.governorate = 'invalid_choice';
	const rawMunicipality = text(src, 'municipality');
	const municipalityId = rawMunicipality ? Number(rawMunicipality) : null;
	if (municipalityId !== null && !Number.isInteger(municipalityId))
		errors.municipality = 'invalid_choice';
	return { name, locale: locale ?? 'ar', position, governorateId, municipalityId, gender };
}

function echoOf(src: Source, names: string[]): Record<string, string> {
	return Object.fromEntries(names.map((n) => [n, text(src, n)]));
}
const PROFILE_FIELDS = ['name', 'locale', 'position', 'governorate', 'municipality', 'gender'];

/** Parses the registration form; never echoes the password back. */
export function parseRegistration(src: Source): Parsed<RegisterInput> {
	const errors: FieldErrors = {};
	const profile = parseProfileFields(src, errors);
	const email = normaliseEmail(text(src, 'email'));
	if (!email) errors.email = 'required';
	else if (!EMAIL.test(email) || email.length > 254) errors.email = 'invalid_email';
	const password = typeof src.get('password') === 'string' ? (src.get('password') as string) : '';
	const passwordError = checkPassword(password);
	if (passwordError) errors.password = passwordError;
	if (Object.keys(errors).length > 0) {
		return { ok: false, errors, echo: echoOf(src, ['email', ...PROFILE_FIELDS]) };
	}
	return { ok: true, value: { ...profile, email, password } };
}

/** Parses the profile form. */
export function parseProfile(src: Source): Parsed<ProfileInput> {
	const errors: FieldErrors = {};
	const profile = parseProfileFields(src, errors);
	if (Object.keys(errors).length > 0)
		return { ok: false, errors, echo: echoOf(src, PROFILE_FIELDS) };
	return { ok: true, value: profile };
}
