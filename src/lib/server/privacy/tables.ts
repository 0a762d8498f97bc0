import type Database from 'better-sqlite3';

/** One section of a personal-data export: column keys (labelled by the page) and rows. */
export type ExportSection = { key: string; columns: string[]; rows: Record<string, unknown>[] };

/** What an erasure step knows: the person, the anonymous row their statistics move to, the time. */
export type EraseContext = {
	sql: Database.Database;
	userId: string;
	/** A fresh anonymous account (erased) that keeps attempts and progress as statistics. */
	anonymousId: string;
	now: number;
};

/**
 * Every table column that refers to a person (a foreign key to `user`) is covered by exactly one
 * handler here: what the person gets in their export, and what erasure does to it. The privacy
 * test reads the migrated database's foreign keys and fails when a column has no handler, so a
 * new table with a user column is one more entry in this list.
 */
export type TableHandler = {
	/** Section key of the export (labelled in the person's language by the page). */
	section: string;
	table: string;
	/** The user columns of `table` this handler answers for. */
	userColumns: string[];
	columns: string[];
	/** This person's rows, already shaped as `columns`. */
	rows: (sql: Database.Database, userId: string) => Record<string, unknown>[];
	/** Runs inside the erasure transaction, before the user row itself is anonymised. */
	erase: (c: EraseContext) => void;
};

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const ms = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : null);
const all = (sql: Database.Database, q: string, ...p: unknown[]) =>
	sql.prepare(q).all(...p) as Record<string, unknown>[];
const title = `coalesce(json_extract(v.metadata, '$.title.' || u.locale), c.slug)`;

export const TABLE_HANDLERS: TableHandler[] = [
	{
		section: 'profile',
		table: 'user',
		userColumns: ['id'],
		columns: [
			'name',
			'email',
			'role',
			'locale',
			'position',
			'governorate',
			'municipality',
			'gender',
			'createdAt',
			'updatedAt'
		],
		rows: (sql, id) =>
			all(
				sql,
				`select u.name, u.email, u.role, u.locale, u.position, g.name_fr as gf, g.name_ar as ga, g.name_en as ge,
				  m.name_fr as mf, m.name_ar as ma, m.name_en as me, u.municipality_other as mo, u.gender, u.created_at, u.updated_at
				 from user u left join governorate g on g.id = u.governorate_id
				 left join municipality m on m.id = u.municipality_id where u.id = ?`,
				id
			).map((r) => {
				const pick = (ar: unknown, fr: unknown, en: unknown) =>
					r.locale === 'ar' ? ar : r.locale === 'fr' ? fr : en;
				return {
					name: r.name,
					email: r.email,
					role: r.role,
					locale: r.locale,
					position: r.position,
					governorate: pick(r.ga, r.gf, r.ge) ?? null,
					municipality: pick(r.ma, r.mf, r.me) ?? r.mo ?? null,
					gender: r.gender,
					createdAt: ms(r.created_at),
					updatedAt: ms(r.updated_at)
				};
			}),
		// The row itself is anonymised last, by erase.ts.
		erase: () => undefined
	},
	{
		section: 'sessions',
		table: 'session',
		userColumns: ['user_id'],
		// Never the token hash: it is a credential, not information about the person.
		columns: ['createdAt', 'expiresAt'],
		rows: (sql, id) =>
			all(
				sql,
				'select created_at, expires_at from session where user_id = ? order by created_at',
				id
			).map((r) => ({ createdAt: ms(r.created_at), expiresAt: ms(r.expires_at) })),
		erase: ({ sql, userId }) => {
			sql.prepare('delete from session where user_id = ?').run(userId);
		}
	},
	{
		section: 'accessTokens',
		table: 'access_token',
		userColumns: ['user_id'],
		// Never the token hash: like a session's, it is a credential.
		columns: ['name', 'scopes', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'],
		rows: (sql, id) =>
			all(
				sql,
				`select name, scopes, created_at, expires_at, last_used_at, revoked_at from access_token
				 where user_id = ? order by created_at`,
				id
			).map((r) => ({
				name: r.name,
				scopes: text(r.scopes),
				createdAt: ms(r.created_at),
				expiresAt: ms(r.expires_at),
				lastUsedAt: ms(r.last_used_at),
				revokedAt: ms(r.revoked_at)
			})),
		erase: ({ sql, userId }) => {
			sql.prepare('delete from access_token where user_id = ?').run(userId);
		}
	},
	{
		section: 'enrolments',
		table: 'enrolment',
		userColumns: ['user_id'],
		columns: ['course', 'enrolledAt', 'lastActiveAt'],
		rows: (sql, id) =>
			all(
				sql,
				`select ${title} as course, e.enrolled_at, e.last_active_at from enrolment e
				 join user u on u.id = e.user_id join course c on c.id = e.course_id
				 left join course_version v on v.id = coalesce(c.published_version_id, c.current_version_id)
				 where e.user_id = ? order by e.enrolled_at`,
				id
			).map((r) => ({
				course: r.course,
				enrolledAt: ms(r.enrolled_at),
				lastActiveAt: ms(r.last_active_at)
			})),
		erase: ({ sql, userId, anonymousId }) => {
			sql.prepare('update enrolment set user_id = ? where user_id = ?').run(anonymousId, userId);
		}
	},
	{
		section: 'lessonProgress',
		table: 'lesson_progress',
		userColumns: ['user_id'],
		columns: ['course', 'lesson', 'firstOpenedAt', 'lastOpenedAt', 'completedAt', 'scroll'],
		rows: (sql, id) =>
			all(
				sql,
				`select c.slug as course, mo.slug || '/' || l.slug as lesson, p.first_opened_at, p.last_opened_at,
				  p.completed_at, p.scroll from lesson_progress p join lesson l on l.id = p.lesson_id
				 join module mo on mo.id = l.module_id join course c on c.id = mo.course_id
				 where p.user_id = ? order by p.first_opened_at`,
				id
			).map((r) => ({
				course: r.course,
				lesson: r.lesson,
				firstOpenedAt: ms(r.first_opened_at),
				lastOpenedAt: ms(r.last_opened_at),
				completedAt: ms(r.completed_at),
				scroll: r.scroll
			})),
		erase: ({ sql, userId, anonymousId }) => {
			sql
				.prepare('update lesson_progress set user_id = ? where user_id = ?')
				.run(anonymousId, userId);
		}
	},
	{
		section: 'quizAttempts',
		table: 'quiz_attempt',
		userColumns: ['user_id'],
		columns: [
			'attempt',
			'course',
			'quiz',
			'kind',
			'startedAt',
			'submittedAt',
			'score',
			'percentage',
			'passed'
		],
		rows: (sql, id) =>
			all(
				sql,
				`select a.id, c.slug as course, q.slug as quiz, a.kind, a.started_at, a.submitted_at, a.score,
				  a.max_score, a.percentage, a.passed from quiz_attempt a join quiz q on q.id = a.quiz_id
				 join course c on c.id = q.course_id where a.user_id = ? order by a.started_at`,
				id
			).map((r) => ({
				attempt: r.id,
				course: r.course,
				quiz: r.quiz,
				kind: r.kind,
				startedAt: ms(r.started_at),
				submittedAt: ms(r.submitted_at),
				score: r.score === null ? null : `${text(r.score)}/${text(r.max_score)}`,
				percentage: r.percentage,
				passed: r.passed === null ? null : r.passed === 1
			})),
		// Submitted attempts stay as anonymous statistics (item analysis, results); open ones go.
		erase: ({ sql, userId, anonymousId }) => {
			sql
				.prepare('delete from quiz_attempt where user_id = ? and submitted_at is null')
				.run(userId);
			sql.prepare('update quiz_attempt set user_id = ? where user_id = ?').run(anonymousId, userId);
		}
	},
	{
		section: 'answers',
		table: 'attempt_answer',
		// Answers belong to the person through their attempt; `graded_by` names a trainer.
		userColumns: [],
		columns: ['attempt', 'question', 'response', 'savedAt', 'score', 'correct'],
		rows: (sql, id) =>
			all(
				sql,
				`select a.attempt_id, a.question_id, a.response, a.saved_at, a.score, a.correct from attempt_answer a
				 join quiz_attempt t on t.id = a.attempt_id where t.user_id = ? order by a.attempt_id, a.id`,
				id
			).map((r) => ({
				attempt: r.attempt_id,
				question: r.question_id,
				response: r.response,
				savedAt: ms(r.saved_at),
				score: r.score,
				correct: r.correct === null ? null : r.correct === 1
			})),
		erase: () => undefined
	},
	{
		section: 'answersGraded',
		table: 'attempt_answer',
		userColumns: ['graded_by'],
		columns: ['attempt', 'question', 'gradedAt'],
		rows: (sql, id) =>
			all(
				sql,
				'select attempt_id, question_id, graded_at from attempt_answer where graded_by = ?',
				id
			).map((r) => ({ attempt: r.attempt_id, question: r.question_id, gradedAt: ms(r.graded_at) })),
		erase: ({ sql, userId }) => {
			sql.prepare('update attempt_answer set graded_by = null where graded_by = ?').run(userId);
		}
	},
	{
		section: 'certificates',
		table: 'certificate',
		userColumns: ['user_id'],
		columns: ['code', 'course', 'type', 'holderName', 'issuedAt', 'revokedAt', 'revokedReason'],
		rows: (sql, id) =>
			all(
				sql,
				`select code, json_extract(snapshot, '$.courseSlug') as course, type,
				  json_extract(snapshot, '$.holderName') as holder, issued_at, revoked_at, revoked_reason
				 from certificate where user_id = ? order by issued_at`,
				id
			).map((r) => ({
				code: r.code,
				course: r.course,
				type: r.type,
				holderName: r.holder,
				issuedAt: ms(r.issued_at),
				revokedAt: ms(r.revoked_at),
				revokedReason: r.revoked_reason
			})),
		// The holder's choice per certificate is applied by erase.ts (keep, or revoke and unname).
		erase: () => undefined
	},
	{
		section: 'certificatesRevoked',
		table: 'certificate',
		userColumns: ['revoked_by'],
		columns: ['code', 'revokedAt'],
		rows: (sql, id) =>
			all(
				sql,
				'select code, revoked_at from certificate where revoked_by = ? order by revoked_at',
				id
			).map((r) => ({ code: r.code, revokedAt: ms(r.revoked_at) })),
		// The revoking admin stays as an anonymous id; the audit log keeps the act.
		erase: () => undefined
	},
	{
		section: 'courseRoles',
		table: 'course_role',
		userColumns: ['user_id', 'granted_by'],
		columns: ['course', 'role', 'grantedToYou', 'createdAt'],
		rows: (sql, id) =>
			all(
				sql,
				`select c.slug, r.role, r.user_id, r.created_at from course_role r join course c on c.id = r.course_id
				 where r.user_id = ? or r.granted_by = ? order by r.created_at`,
				id,
				id
			).map((r) => ({
				course: r.slug,
				role: r.role,
				grantedToYou: r.user_id === id,
				createdAt: ms(r.created_at)
			})),
		erase: ({ sql, userId }) => {
			sql.prepare('delete from course_role where user_id = ?').run(userId);
		}
	},
	{
		section: 'draftFiles',
		table: 'draft_file',
		userColumns: ['updated_by'],
		columns: ['course', 'file', 'updatedAt'],
		rows: (sql, id) =>
			all(
				sql,
				`select c.slug, d.path, d.updated_at from draft_file d join course c on c.id = d.course_id
				 where d.updated_by = ? order by d.updated_at`,
				id
			).map((r) => ({ course: r.slug, file: r.path, updatedAt: ms(r.updated_at) })),
		// The text belongs to the course; only the name of who last saved it goes.
		erase: ({ sql, userId }) => {
			sql.prepare('update draft_file set updated_by = null where updated_by = ?').run(userId);
		}
	},
	{
		section: 'studioComments',
		table: 'studio_comment',
		userColumns: ['author_id', 'resolved_by'],
		columns: ['course', 'lesson', 'locale', 'byYou', 'text', 'quote', 'createdAt', 'resolvedAt'],
		rows: (sql, id) =>
			all(
				sql,
				`select c.slug, s.module_slug, s.lesson_slug, s.locale, s.author_id, s.body, s.quote,
				  s.created_at, s.resolved_at from studio_comment s join course c on c.id = s.course_id
				 where s.author_id = ? or s.resolved_by = ? order by s.id`,
				id,
				id
			).map((r) => ({
				course: r.slug,
				lesson: `${text(r.module_slug)}/${text(r.lesson_slug)}`,
				locale: r.locale,
				byYou: r.author_id === id,
				// Only your own words: a thread you resolved is listed without the other's text.
				text: r.author_id === id ? r.body : null,
				quote: r.author_id === id ? r.quote : null,
				createdAt: ms(r.created_at),
				resolvedAt: ms(r.resolved_at)
			})),
		// The thread stays for the others' replies; the erased person's words and name go.
		erase: ({ sql, userId }) => {
			sql
				.prepare(
					"update studio_comment set author_id = null, body = '', quote = null where author_id = ?"
				)
				.run(userId);
			sql.prepare('update studio_comment set resolved_by = null where resolved_by = ?').run(userId);
		}
	},
	{
		section: 'importConflicts',
		table: 'import_conflict',
		userColumns: ['decided_by'],
		columns: ['course', 'decision', 'decidedAt'],
		rows: (sql, id) =>
			all(
				sql,
				`select c.slug, i.status, i.decided_at from import_conflict i join course c on c.id = i.course_id
				 where i.decided_by = ? order by i.decided_at`,
				id
			).map((r) => ({ course: r.slug, decision: r.status, decidedAt: ms(r.decided_at) })),
		erase: ({ sql, userId }) => {
			sql.prepare('update import_conflict set decided_by = null where decided_by = ?').run(userId);
		}
	},
	{
		section: 'audit',
		table: 'audit_log',
		userColumns: ['actor_id'],
		columns: ['at', 'action', 'byYou', 'object', 'details', 'ip'],
		rows: (sql, id) =>
			all(
				sql,
				`select at, action, actor_id, subject_type, subject_id, details, ip from audit_log
				 where actor_id = ? or (subject_type = 'user' and subject_id = ?) order by id`,
				id,
				id
			).map((r) => ({
				at: ms(r.at),
				action: r.action,
				byYou: r.actor_id === id,
				object: `${text(r.subject_type)}:${text(r.subject_id)}`,
				details: r.details,
				ip: r.ip
			})),
		// Scrubbed by audit-scrub.ts (the log refuses ordinary updates).
		erase: () => undefined
	},
	{
		section: 'cohorts',
		table: 'cohort_member',
		userColumns: ['user_id'],
		columns: ['cohort', 'course', 'joinedAt', 'joinedBy'],
		rows: (sql, id) =>
			all(
				sql,
				`select g.name, c.slug, m.joined_at, m.joined_by from cohort_member m
				 join cohort g on g.id = m.cohort_id join course c on c.id = g.course_id
				 where m.user_id = ? order by m.joined_at`,
				id
			).map((r) => ({
				cohort: r.name,
				course: r.slug,
				joinedAt: ms(r.joined_at),
				joinedBy: r.joined_by
			})),
		// Memberships move with the statistics, so a cohort's figures stay whole (anonymously).
		erase: ({ sql, userId, anonymousId }) => {
			sql
				.prepare('update cohort_member set user_id = ? where user_id = ?')
				.run(anonymousId, userId);
		}
	},
	{
		section: 'cohortsRun',
		table: 'cohort_trainer',
		userColumns: ['user_id', 'added_by'],
		columns: ['cohort', 'course', 'youRunIt'],
		rows: (sql, id) =>
			all(
				sql,
				`select g.name, c.slug, t.user_id from cohort_trainer t
				 join cohort g on g.id = t.cohort_id join course c on c.id = g.course_id
				 where t.user_id = ? or t.added_by = ?`,
				id,
				id
			).map((r) => ({ cohort: r.name, course: r.slug, youRunIt: r.user_id === id })),
		erase: ({ sql, userId }) => {
			sql.prepare('delete from cohort_trainer where user_id = ?').run(userId);
			sql.prepare('update cohort_trainer set added_by = null where added_by = ?').run(userId);
		}
	},
	{
		section: 'cohortsCreated',
		table: 'cohort',
		userColumns: ['created_by'],
		columns: ['cohort', 'course'],
		rows: (sql, id) =>
			all(
				sql,
				'select g.name, c.slug from cohort g join course c on c.id = g.course_id where g.created_by = ?',
				id
			).map((r) => ({ cohort: r.name, course: r.slug })),
		erase: ({ sql, userId }) => {
			sql.prepare('update cohort set created_by = null where created_by = ?').run(userId);
		}
	},
	{
		section: 'cohortInvites',
		table: 'cohort_invite',
		userColumns: ['created_by'],
		columns: ['cohort'],
		rows: (sql, id) =>
			all(
				sql,
				'select g.name from cohort_invite i join cohort g on g.id = i.cohort_id where i.created_by = ?',
				id
			).map((r) => ({ cohort: r.name })),
		erase: ({ sql, userId }) => {
			sql.prepare('update cohort_invite set created_by = null where created_by = ?').run(userId);
		}
	},
	{
		section: 'announcements',
		table: 'cohort_announcement',
		userColumns: ['author_id'],
		columns: ['cohort', 'text'],
		rows: (sql, id) =>
			all(
				sql,
				`select g.name, a.body from cohort_announcement a join cohort g on g.id = a.cohort_id
				 where a.author_id = ?`,
				id
			).map((r) => ({ cohort: r.name, text: r.body })),
		// What they wrote to a cohort stays for its learners; their name does not.
		erase: ({ sql, userId }) => {
			sql
				.prepare('update cohort_announcement set author_id = null where author_id = ?')
				.run(userId);
		}
	},
	{
		section: 'municipalitiesAdded',
		table: 'municipality',
		userColumns: ['added_by'],
		columns: ['code', 'municipality', 'createdAt'],
		rows: (sql, id) =>
			all(
				sql,
				`select m.code, m.name_ar, m.name_fr, m.name_en, m.created_at, u.locale
				 from municipality m join user u on u.id = m.added_by where m.added_by = ? order by m.code`,
				id
			).map((r) => ({
				code: r.code,
				municipality: r.locale === 'ar' ? r.name_ar : r.locale === 'fr' ? r.name_fr : r.name_en,
				createdAt: ms(r.created_at)
			})),
		// The municipality stays in the list for everyone; who added it does not.
		erase: ({ sql, userId }) => {
			sql.prepare('update municipality set added_by = null where added_by = ?').run(userId);
		}
	},
	{
		section: 'passwordLinks',
		table: 'one_time_token',
		userColumns: ['user_id'],
		columns: ['purpose', 'expiresAt'],
		// The purpose and expiry only: the link itself is a secret, and only its hash is stored.
		rows: (sql, id) =>
			all(sql, 'select purpose, expires_at from one_time_token where user_id = ?', id).map((r) => ({
				purpose: r.purpose,
				expiresAt: ms(r.expires_at)
			})),
		erase: ({ sql, userId }) => {
			sql.prepare('delete from one_time_token where user_id = ?').run(userId);
		}
	}
];
