// The one table from a domain error code to an HTTP status and a sentence in the reader's
// language. Pages (form actions, loads, hooks.server.ts) and the JSON API (src/server/errors.ts)
// both answer through it, so a refusal reads and counts the same everywhere.
import * as m from '../paraglide/messages.js';
import type { Locale } from './text/localised.ts';
import { DomainError } from './errors.ts';
import { MIN_PASSWORD_LENGTH } from './auth/password.ts';
import { INTL_LOCALE } from '../i18n/intl-locales.ts';
import { countOf } from '../format/numbers.ts';

type Details = Record<string, number>;
type Text = (locale: Locale, details: Details) => string;
type Entry = readonly [status: number, text: Text];

const num = (locale: Locale, n: number) => new Intl.NumberFormat(INTL_LOCALE[locale]).format(n);

/** A message without parameters, in `locale`. */
const say =
	(message: (inputs: Record<string, never>, options: { locale: Locale }) => string): Text =>
	(locale) =>
		message({}, { locale });

const TABLE: Record<string, Entry> = {
	// Input that does not fit (also the field codes of form validation).
	required: [400, say(m.error_required)],
	invalid_email: [400, say(m.error_invalid_email)],
	password_too_short: [
		400,
		(locale, d) =>
			m.error_password_too_short({ min: num(locale, d.min ?? MIN_PASSWORD_LENGTH) }, { locale })
	],
	password_too_long: [400, say(m.error_password_too_long)],
	too_long: [400, say(m.error_too_long)],
	invalid_choice: [400, say(m.error_invalid_choice)],
	report_period_invalid: [400, say(m.report_period_invalid)],
	report_period_order: [400, say(m.report_period_order)],
	municipality_mismatch: [400, say(m.error_municipality_mismatch)],
	municipality_other_missing: [400, say(m.error_municipality_other_missing)],
	municipality_code_invalid: [400, say(m.error_municipality_code_invalid)],
	municipality_governorate_unknown: [400, say(m.error_municipality_governorate_unknown)],
	municipality_name_missing: [400, say(m.error_municipality_name_missing)],
	municipality_code_taken: [400, say(m.error_municipality_code_taken)],
	municipality_code_repeated: [400, say(m.error_municipality_code_repeated)],
	municipality_file_unreadable: [400, say(m.error_municipality_file_unreadable)],
	revocation_reason_required: [400, say(m.error_revocation_reason_required)],
	enrolment_key_required: [400, say(m.error_enrolment_key_required)],
	invalid_response: [400, say(m.quiz_error_invalid_response)],
	no_answer_to_check: [400, say(m.error_no_answer_to_check)],
	not_essay: [400, say(m.error_not_essay)],
	invalid_score: [400, say(m.error_invalid_score)],
	wrong_password: [400, say(m.error_wrong_password)],
	not_a_trainer: [400, say(m.error_not_a_trainer)],
	unknown_email: [400, say(m.error_unknown_email)],
	invalid_date: [400, say(m.error_invalid_date)],
	dates_out_of_order: [400, say(m.error_dates_out_of_order)],
	invalid_days: [400, say(m.error_invalid_days)],
	invalid_capacity: [400, say(m.error_invalid_capacity)],
	invalid_slug: [400, say(m.error_invalid_slug)],
	invalid_minutes: [400, say(m.error_invalid_minutes)],
	invalid_yaml: [400, say(m.error_invalid_yaml)],
	nothing_to_import: [400, say(m.error_nothing_to_import)],
	roster_unreadable: [400, say(m.error_roster_unreadable)],
	roster_empty: [400, say(m.error_roster_empty)],
	roster_too_large: [413, say(m.error_roster_too_large)],
	roster_name_missing: [400, say(m.error_roster_name_missing)],
	roster_position_unknown: [400, say(m.error_roster_position_unknown)],
	roster_governorate_unknown: [400, say(m.error_roster_governorate_unknown)],
	roster_municipality_unknown: [400, say(m.error_roster_municipality_unknown)],
	roster_gender_unknown: [400, say(m.error_roster_gender_unknown)],
	roster_email_repeated: [400, say(m.error_roster_email_repeated)],
	roster_account_erased: [400, say(m.error_roster_account_erased)],
	// Course images and course zips (studio): refused by their bytes, never by their names.
	image_alt_required: [400, say(m.error_image_alt_required)],
	image_unreadable: [400, say(m.error_image_unreadable)],
	image_insert_nothing: [400, say(m.error_image_insert_nothing)],
	image_too_large: [413, say(m.error_image_too_large)],
	image_too_many_pixels: [413, say(m.error_image_too_many_pixels)],
	image_svg_refused: [415, say(m.error_image_svg_refused)],
	image_type_unsupported: [415, say(m.error_image_type_unsupported)],
	zip_unreadable: [400, say(m.error_zip_unreadable)],
	zip_unsafe_path: [400, say(m.error_zip_unsafe_path)],
	zip_not_course_file: [400, say(m.error_zip_not_course_file)],
	zip_too_large: [413, say(m.error_zip_too_large)],
	zip_too_many_entries: [413, say(m.error_zip_too_many_entries)],
	// Who you are, or what you may do.
	invalid_credentials: [401, say(m.error_invalid_credentials)],
	forbidden: [403, say(m.error_forbidden_body)],
	setup_link_invalid: [403, say(m.error_setup_link_invalid)],
	password_link_invalid: [403, say(m.error_password_link_invalid)],
	enrolment_key_wrong: [403, say(m.error_enrolment_key_wrong)],
	not_enrolled: [403, say(m.quiz_error_not_enrolled)],
	attempts_exhausted: [
		403,
		(locale, d) =>
			m.quiz_error_attempts_exhausted({ allowed: num(locale, d.allowed ?? 0) }, { locale })
	],
	// What does not exist, or is not yours to see (the same answer, so ids cannot be probed).
	not_found: [404, say(m.error_not_found)],
	unknown_question: [404, say(m.error_unknown_question)],
	no_pretest: [404, say(m.quiz_error_no_pretest)],
	join_code_unknown: [404, say(m.error_join_code_unknown)],
	// A join code that was real but is no longer usable.
	join_code_expired: [410, say(m.error_join_code_expired)],
	join_code_revoked: [410, say(m.error_join_code_revoked)],
	certificate_revoked: [410, say(m.error_certificate_revoked)],
	// A roster preview that was confirmed already or is too old to trust.
	roster_preview_stale: [410, say(m.error_roster_preview_stale)],
	// The state of things forbids it now.
	email_taken: [409, say(m.error_email_taken)],
	last_admin: [409, say(m.error_last_admin)],
	already_revoked: [409, say(m.error_already_revoked)],
	not_revoked: [409, say(m.error_not_revoked)],
	attempt_submitted: [409, say(m.quiz_error_attempt_submitted)],
	deadline_passed: [409, say(m.quiz_error_deadline_passed)],
	answer_checked: [409, say(m.error_answer_checked)],
	feedback_after_submit: [409, say(m.error_feedback_after_submit)],
	not_submitted: [409, say(m.error_not_submitted)],
	final_locked: [409, say(m.quiz_error_final_locked)],
	conflict: [409, say(m.error_conflict)],
	// A lesson saved by someone else since the editor opened it (optimistic locking).
	draft_changed: [409, say(m.error_draft_changed)],
	cohort_name_taken: [409, say(m.error_cohort_name_taken)],
	join_code_full: [409, say(m.error_join_code_full)],
	slug_taken: [409, say(m.error_slug_taken)],
	last_owner: [409, say(m.error_last_owner)],
	export_exists: [409, say(m.error_export_exists)],
	// Too many tries from one address (sign-in, password change, registration): wait and retry.
	throttled: [429, say(m.error_throttled_soon)],
	cooldown: [
		429,
		(locale, d) =>
			m.quiz_error_cooldown(countOf(Math.max(1, Math.ceil((d.secondsLeft ?? 0) / 60)), locale), {
				locale
			})
	]
};

/** An unknown code is still the caller's problem, never a 500. */
const FALLBACK: Entry = [400, say(m.error_refused)];

/** A domain refusal as the edge answers it. */
export type Refusal = { status: number; code: string; field?: string; message: string };

/** Whether the table knows `code` (a test holds every thrown code to this). */
export const isMappedCode = (code: string): boolean => Object.hasOwn(TABLE, code);

/** The status and the sentence in `locale` for a code (form field codes included). */
export function describeCode(code: string, locale: Locale, details: Details = {}): Refusal {
	const [status, text] = (isMappedCode(code) ? TABLE[code] : undefined) ?? FALLBACK;
	return { status, code, message: text(locale, details) };
}

/** The status and the sentence in `locale` for a domain error. */
export function describeError(e: DomainError, locale: Locale): Refusal {
	const r = describeCode(e.code, locale, e.details);
	return e.field ? { ...r, field: e.field } : r;
}
