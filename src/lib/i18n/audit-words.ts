import * as m from '$lib/paraglide/messages.js';
import type { AuditRow } from '$lib/server/audit/query';

type Words = { actor: string; object: string; from: string; to: string; action: string };
type Say = (w: Words) => string;

const roleName: Record<string, () => string> = {
	learner: m.role_learner,
	trainer: m.role_trainer,
	admin: m.role_admin,
	partner: m.role_partner
};

// One sentence per action code; a code without one is still shown, in a neutral sentence.
const SENTENCES: Record<string, Say> = {
	'user.create': m.audit_user_create,
	'user.role_change': m.audit_user_role_change,
	'user.password_change': m.audit_user_password_change,
	'user.password_reset_requested': m.audit_user_password_reset_requested,
	'user.password_link_created': m.audit_user_password_link_created,
	'user.password_link_used': m.audit_user_password_link_used,
	'user.export': m.audit_user_export,
	'user.erase': m.audit_user_erase,
	'session.sign_in': m.audit_session_sign_in,
	'session.lockout': m.audit_session_lockout,
	'enrolment.create': m.audit_enrolment_create,
	'certificate.issue': m.audit_certificate_issue,
	'certificate.revoke': m.audit_certificate_revoke,
	'certificate.reinstate': m.audit_certificate_reinstate,
	'access_token.create': m.audit_access_token_create,
	'access_token.revoke': m.audit_access_token_revoke,
	'course_role.grant': m.audit_course_role_grant,
	'course_role.revoke': m.audit_course_role_revoke,
	'course.publish': m.audit_course_publish,
	'course.import': m.audit_course_import,
	'quiz.essay_graded': m.audit_quiz_essay_graded
};

/** An audit entry in plain words in the page's language: "Amal revoked certificate TMK-… — reason: …". */
export function describeAudit(r: AuditRow): string {
	const person = (name: string | null, erased: boolean) =>
		erased ? m.erased_learner() : (name ?? m.audit_someone());
	const actor = person(r.actorName, r.actorErased);
	const object =
		r.subjectType === 'user'
			? person(r.subjectName, r.subjectErased)
			: (r.subjectName ?? r.subjectId ?? '');
	const d = r.details ?? {};
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	const words: Words = {
		actor,
		object,
		from: roleName[text(d.from)]?.() ?? text(d.from),
		to: roleName[text(d.to)]?.() ?? text(d.to),
		action: r.action
	};
	const sentence = (SENTENCES[r.action] ?? m.audit_other)(words);
	const reason = text(d.reason);
	if (!reason) return sentence;
	const shown = reason === 'erasure' ? m.cert_revoked_erasure() : reason;
	return `${sentence} — ${m.audit_reason({ reason: shown })}`;
}
