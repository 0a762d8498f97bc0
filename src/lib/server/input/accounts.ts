// The account forms: registration (and first-admin set-up, the same shape), profile, sign-in,
// password change, and an admin's role change.
import { Type } from 'typebox';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { GENDERS, POSITIONS, ROLES, type Gender, type Position } from '../db/schema/index.ts';
import { LOCALES, type Locale } from '../text/localised.ts';
import { defineShape, parseForm, type FormSource, type Parsed } from './check.ts';

/** One of a fixed list of strings. */
export const OneOf = <const T extends string[]>(values: readonly [...T]) => Type.Enum(values);

// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
const Email = Type.String({ pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', maxLength: 254 });
const NewPassword = Type.String({
	minLength: MIN_PASSWORD_LENGTH,
	maxLength: MAX_PASSWORD_LENGTH
});
const EMAIL_CODES = { pattern: 'invalid_email', maxLength: 'invalid_email' };
const PASSWORD_CODES = {
	required: 'password_too_short',
	minLength: 'password_too_short',
	maxLength: 'password_too_long'
};

const profileFields = {
	name: Type.String({ minLength: 1, maxLength: 120 }),
	locale: OneOf(LOCALES),
	position: Type.Optional(OneOf(POSITIONS)),
	governorate: Type.Optional(Type.String({ pattern: '^TN-[0-9]{2}$' })),
	// A municipality's id, or `other` ("not in the list") with its name typed in municipalityOther.
	municipality: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,8}|other)$' })),
	municipalityOther: Type.Optional(Type.String({ maxLength: 120 })),
	gender: Type.Optional(OneOf(GENDERS))
};

export const ProfileForm = defineShape({
	schema: Type.Object(profileFields),
	text: ['name', 'municipalityOther']
});

const registrationFields = { ...profileFields, email: Email, password: NewPassword };
export const RegistrationForm = defineShape({
	schema: Type.Object(registrationFields),
	text: ['name', 'municipalityOther'],
	secret: ['password'],
	codes: { email: EMAIL_CODES, password: PASSWORD_CODES }
});

const signInFields = {
	email: Type.String({ minLength: 1, maxLength: 254 }),
	password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH })
};
export const SignInForm = defineShape({
	schema: Type.Object(signInFields),
	secret: ['password']
});

const passwordChangeFields = {
	current: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
	next: NewPassword
};
export const PasswordChangeForm = defineShape({
	schema: Type.Object(passwordChangeFields),
	secret: ['current', 'next'],
	codes: { current: { maxLength: 'wrong_password' }, next: PASSWORD_CODES }
});

/** "Forgot password": the email to send a recovery link to (also a trainer's pick by email). */
export const EmailForm = defineShape({
	schema: Type.Object({ email: Email }),
	codes: { email: { ...EMAIL_CODES, required: 'invalid_email' } }
});

/** Choosing a password through a one-time link (roster accounts, later password recovery). */
export const PasswordLinkForm = defineShape({
	schema: Type.Object({ password: NewPassword }),
	secret: ['password'],
	codes: { password: PASSWORD_CODES }
});

const roleChangeFields = {
	userId: Type.String({ minLength: 1, maxLength: 64 }),
	role: OneOf(ROLES)
};
export const RoleChangeForm = defineShape({
	schema: Type.Object(roleChangeFields)
});

export type ProfileInput = {
	name: string;
	locale: Locale;
	position: Position | null;
	governorateId: string | null;
	municipalityId: number | null;
	/** Typed when the list lacks the person's municipality; '' when "not in the list" is left empty. */
	municipalityOther?: string | null;
	gender: Gender | null;
};
export type RegisterInput = ProfileInput & { email: string; password: string };

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

function toProfile(v: {
	name: string;
	locale: Locale;
	position?: Position;
	governorate?: string;
	municipality?: string;
	municipalityOther?: string;
	gender?: Gender;
}): ProfileInput {
	const other = v.municipality === 'other';
	return {
		name: v.name,
		locale: v.locale,
		position: v.position ?? null,
		governorateId: v.governorate ?? null,
		municipalityId: v.municipality === undefined || other ? null : Number(v.municipality),
		municipalityOther: other ? (v.municipalityOther ?? '').trim() : null,
		gender: v.gender ?? null
	};
}

/** Parses the registration (or first-admin) form; never echoes the password back. */
export function parseRegistration(form: FormSource): Parsed<RegisterInput> {
	const parsed = parseForm(RegistrationForm, form);
	if (!parsed.ok) return parsed;
	const { email, password } = parsed.value;
	return {
		ok: true,
		value: { ...toProfile(parsed.value), email: normaliseEmail(email), password }
	};
}

/** Parses the profile form. */
export function parseProfile(form: FormSource): Parsed<ProfileInput> {
	const parsed = parseForm(ProfileForm, form);
	return parsed.ok ? { ok: true, value: toProfile(parsed.value) } : parsed;
}
