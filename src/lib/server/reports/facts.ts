// What each enrolment did, as the reports count it, kept in a summary table (`report_fact`)
// so a national report reads one small row per enrolment instead of re-deriving it from about
// a million progress and attempt rows.
//
// Exact by construction: one definition of the facts (FACTS_OF) fills the table (backfill) and
// is re-run by triggers for the one enrolment a write touches, whatever code path wrote:
// progress, final-quiz attempts, certificates; a change to a course's lessons, modules or
// quizzes (a new version archiving a lesson) refreshes that course's enrolments. Deleting an
// enrolment deletes its row (foreign key). Without the table, reports compute the same facts
// inline (aggregate.ts), so the two can be compared (tests/integration/reports/facts.test.ts).
//
// Migration 0015_report_facts created the table and triggers from REPORT_FACT_DDL (written by
// printing it, see the migration's header); 0020_report_completion_date drops and re-creates
// them (completed_at added) and refills the table, printed the same way (reportFactMigration);
// installReportFacts() rebuilds them after a bulk load
// (db:synthetic drops them first, dropReportFacts) and in tests.
import { sql } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';

// Paired learners follow quiz/knowledge-gain.ts: the first submitted pre-test of the course's
// `final` quiz against the best submitted final attempt, both with a percentage. Completed:
// the course has active lessons and the learner completed every one of them; completed_at is
// then the time the last of those lessons was completed (null while not completed). It is read
// from the same rows as `completed`, so the same triggers keep it exact: a lesson completed,
// un-completed or deleted, or a course's lessons archived or added, refresh the enrolment, and
// a completion date moves (or disappears) with them. Certificates do not set it: a certificate
// can be issued (or revoked) apart from the lessons, and the period means "finished the course". Module quizzes
// (not assignments, not archived) tried and passed are bit sets over the module's position.
const ACTIVE_LESSONS = `from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived`;
const moduleQuizBits = (passed: boolean) => `(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null${passed ? ' and a.passed' : ''}))`;
const COMPLETED = `coalesce((select count(*) ${ACTIVE_LESSONS}) > 0 and (select count(*) ${ACTIVE_LESSONS})
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0)`;
const FACTS_OF = `e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		${COMPLETED} as completed,
		case when ${COMPLETED} then (select max(lp.completed_at) from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id and not l.archived
			and not mo.archived) end as completed_at,
		exists (select 1 from certificate c where c.user_id = e.user_id
			and c.course_id = e.course_id and c.revoked_at is null) as certified,
		(select a.percentage from quiz_attempt a join quiz q on q.id = a.quiz_id
			where q.course_id = e.course_id and q.slug = 'final' and a.user_id = e.user_id
			and a.kind = 'pretest' and a.submitted_at is not null and a.percentage is not null
			order by a.id limit 1) as pre,
		(select max(a.percentage) from quiz_attempt a join quiz q on q.id = a.quiz_id
			where q.course_id = e.course_id and q.slug = 'final' and a.user_id = e.user_id
			and a.kind = 'attempt' and a.submitted_at is not null) as fin,
		${moduleQuizBits(false)} as quiz_tried,
		${moduleQuizBits(true)} as quiz_passed`;

export const FACT_COLUMNS = `enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed`;

/** The facts of the enrolments `where` selects (on `e`), as report_fact rows. */
export const factsSelect = (where: string) =>
	`select ${FACTS_OF} from enrolment e join user u on u.id = e.user_id where ${where}`;

// Delete then insert, not INSERT OR REPLACE: inside a trigger, the conflict policy of the
// statement that fired it wins (SQLite "ON CONFLICT" docs), so an upsert in the importer turned
// the REPLACE into an abort (UNIQUE constraint failed: report_fact.enrolment_id).
const refresh = (where: string) =>
	`delete from report_fact where enrolment_id in (select e.id from enrolment e where ${where});
		insert into report_fact (${FACT_COLUMNS})
		${factsSelect(where)};`;
const courseOfLesson = (row: string) =>
	`(select mo.course_id from lesson l join module mo on mo.id = l.module_id where l.id = ${row}.lesson_id)`;
const courseOfQuiz = (row: string) => `(select course_id from quiz where id = ${row}.quiz_id)`;

const trigger = (name: string, event: string, body: string, when = '') =>
	`create trigger if not exists report_fact_${name} after ${event}${when ? ` when ${when}` : ''}
	begin ${body} end`;

/** The summary table and the triggers that keep it exact. */
export const REPORT_FACT_DDL: string[] = [
	`create table if not exists report_fact (
		enrolment_id integer primary key not null references enrolment(id) on delete cascade,
		user_id text not null,
		course_id integer not null,
		enrolled_at integer not null,
		gender text,
		position text,
		governorate_id text,
		started integer not null,
		completed integer not null,
		completed_at integer,
		certified integer not null,
		pre real,
		fin real,
		quiz_tried integer not null,
		quiz_passed integer not null
	)`,
	'create index if not exists report_fact_course_idx on report_fact (course_id, enrolled_at)',
	'create index if not exists report_fact_user_idx on report_fact (user_id, course_id)',
	'create index if not exists report_fact_completed_idx on report_fact (course_id, completed_at)',
	trigger(
		'user',
		'update of gender, position, governorate_id on user',
		refresh('e.user_id = new.id')
	),
	trigger('enrolment', 'insert on enrolment', refresh('e.id = new.id')),
	...(['new', 'old'] as const).flatMap((row) => {
		const event = row === 'new' ? 'insert' : 'delete';
		return [
			trigger(
				`progress_${event}`,
				`${event} on lesson_progress`,
				refresh(`e.user_id = ${row}.user_id and e.course_id = ${courseOfLesson(row)}`)
			),
			trigger(
				`attempt_${event}`,
				`${event} on quiz_attempt`,
				refresh(`e.user_id = ${row}.user_id and e.course_id = ${courseOfQuiz(row)}`)
			),
			trigger(
				`certificate_${event}`,
				`${event} on certificate`,
				refresh(`e.user_id = ${row}.user_id and e.course_id = ${row}.course_id`)
			)
		];
	}),
	trigger(
		'progress_update',
		'update of completed_at, lesson_id, user_id on lesson_progress',
		refresh(`e.user_id = new.user_id and e.course_id = ${courseOfLesson('new')}`) +
			refresh(`e.user_id = old.user_id and e.course_id = ${courseOfLesson('old')}`)
	),
	trigger(
		'attempt_update',
		'update of submitted_at, percentage, passed, kind, quiz_id, user_id on quiz_attempt',
		refresh(`e.user_id = new.user_id and e.course_id = ${courseOfQuiz('new')}`) +
			refresh(`e.user_id = old.user_id and e.course_id = ${courseOfQuiz('old')}`)
	),
	trigger(
		'certificate_update',
		'update of revoked_at, user_id, course_id on certificate',
		refresh(`e.user_id = new.user_id and e.course_id = new.course_id`) +
			refresh(`e.user_id = old.user_id and e.course_id = old.course_id`)
	),
	// Course structure: rare (import, publish), and it moves every enrolment's completion.
	...(['insert', 'update of archived, module_id', 'delete'] as const).map((event, i) =>
		trigger(
			`lesson_${String(i)}`,
			`${event} on lesson`,
			refresh(
				`e.course_id in (select course_id from module where id in (${i === 2 ? 'old' : 'new'}.module_id${i === 1 ? ', old.module_id' : ''}))`
			)
		)
	),
	...(['insert', 'update of archived, course_id, position', 'delete'] as const).map((event, i) =>
		trigger(
			`module_${String(i)}`,
			`${event} on module`,
			refresh(
				`e.course_id in (${i === 2 ? 'old' : 'new'}.course_id${i === 1 ? ', old.course_id' : ''})`
			)
		)
	),
	...(['insert', 'update of slug, course_id, module_id, archived', 'delete'] as const).map(
		(event, i) =>
			trigger(
				`quiz_${String(i)}`,
				`${event} on quiz`,
				refresh(
					`e.course_id in (${i === 2 ? 'old' : 'new'}.course_id${i === 1 ? ', old.course_id' : ''})`
				)
			)
	)
];

/** True when the summary table exists (after the migration, or installReportFacts). */
export function hasReportFacts(db: DbLike): boolean {
	return (
		db.get<{ n: number }>(
			sql`select count(*) as n from sqlite_master where type = 'table' and name = 'report_fact'`
		).n === 1
	);
}

/**
 * Removes the summary table and its triggers: a bulk load (db:synthetic) inserts millions of rows,
 * which the triggers would refresh one enrolment at a time; installReportFacts then rebuilds all.
 */
export function dropReportFacts(db: DbLike): void {
	db.transaction((tx) => {
		const triggers = tx.all<{ name: string }>(
			sql`select name from sqlite_master where type = 'trigger' and name like 'report_fact_%'`
		);
		for (const t of triggers) tx.run(sql.raw(`drop trigger if exists "${t.name}"`));
		tx.run(sql.raw('drop table if exists report_fact'));
	});
}

/** Creates the summary table and its triggers if missing, and fills the table. */
export function installReportFacts(db: DbLike): void {
	db.transaction((tx) => {
		for (const ddl of REPORT_FACT_DDL) tx.run(sql.raw(ddl));
		tx.run(sql.raw('delete from report_fact'));
		tx.run(sql.raw(`insert into report_fact (${FACT_COLUMNS}) ${factsSelect('1')}`));
		tx.run(sql.raw('analyze'));
	});
}

/**
 * The SQL of a migration that re-creates the summary table from REPORT_FACT_DDL: drops every
 * trigger and the table, creates them again and refills the table. Printed into
 * db/migrations/0020_report_completion_date.sql (tests/integration/reports/facts.test.ts checks
 * the file still matches); a later change to the facts needs a new migration printed the same way.
 */
export function reportFactMigration(header: string): string {
	const triggers = REPORT_FACT_DDL.flatMap((ddl) => {
		const name = /^create trigger if not exists (\S+)/.exec(ddl)?.[1];
		return name ? [`drop trigger if exists ${name}`] : [];
	});
	const statements = [
		...triggers,
		'drop table if exists report_fact',
		...REPORT_FACT_DDL,
		`insert into report_fact (${FACT_COLUMNS}) ${factsSelect('1')}`
	];
	return `${header}${statements.map((s) => `${s};`).join('\n--> statement-breakpoint\n')}\n`;
}
