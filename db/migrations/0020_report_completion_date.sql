-- The reports' summary table again, with completed_at (when the enrolment's course was completed:
-- the time its last active lesson was completed; null while not completed), for the completion
-- period. Printed by reportFactMigration() from REPORT_FACT_DDL in src/lib/server/reports/facts.ts,
-- where the reasoning lives: the triggers are dropped with the table and created again from the
-- one definition of the facts, then the table is refilled from it, so it is exact from the start.
drop trigger if exists report_fact_user;
--> statement-breakpoint
drop trigger if exists report_fact_enrolment;
--> statement-breakpoint
drop trigger if exists report_fact_progress_insert;
--> statement-breakpoint
drop trigger if exists report_fact_attempt_insert;
--> statement-breakpoint
drop trigger if exists report_fact_certificate_insert;
--> statement-breakpoint
drop trigger if exists report_fact_progress_delete;
--> statement-breakpoint
drop trigger if exists report_fact_attempt_delete;
--> statement-breakpoint
drop trigger if exists report_fact_certificate_delete;
--> statement-breakpoint
drop trigger if exists report_fact_progress_update;
--> statement-breakpoint
drop trigger if exists report_fact_attempt_update;
--> statement-breakpoint
drop trigger if exists report_fact_certificate_update;
--> statement-breakpoint
drop trigger if exists report_fact_lesson_0;
--> statement-breakpoint
drop trigger if exists report_fact_lesson_1;
--> statement-breakpoint
drop trigger if exists report_fact_lesson_2;
--> statement-breakpoint
drop trigger if exists report_fact_module_0;
--> statement-breakpoint
drop trigger if exists report_fact_module_1;
--> statement-breakpoint
drop trigger if exists report_fact_module_2;
--> statement-breakpoint
drop trigger if exists report_fact_quiz_0;
--> statement-breakpoint
drop trigger if exists report_fact_quiz_1;
--> statement-breakpoint
drop trigger if exists report_fact_quiz_2;
--> statement-breakpoint
drop table if exists report_fact;
--> statement-breakpoint
create table if not exists report_fact (
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
	);
--> statement-breakpoint
create index if not exists report_fact_course_idx on report_fact (course_id, enrolled_at);
--> statement-breakpoint
create index if not exists report_fact_user_idx on report_fact (user_id, course_id);
--> statement-breakpoint
create index if not exists report_fact_completed_idx on report_fact (course_id, completed_at);
--> statement-breakpoint
create trigger if not exists report_fact_user after update of gender, position, governorate_id on user
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = new.id);
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = new.id; end;
--> statement-breakpoint
create trigger if not exists report_fact_enrolment after insert on enrolment
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.id = new.id);
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.id = new.id; end;
--> statement-breakpoint
create trigger if not exists report_fact_progress_insert after insert on lesson_progress
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = new.user_id and e.course_id = (select mo.course_id from lesson l join module mo on mo.id = l.module_id where l.id = new.lesson_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = new.user_id and e.course_id = (select mo.course_id from lesson l join module mo on mo.id = l.module_id where l.id = new.lesson_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_attempt_insert after insert on quiz_attempt
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = new.user_id and e.course_id = (select course_id from quiz where id = new.quiz_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = new.user_id and e.course_id = (select course_id from quiz where id = new.quiz_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_certificate_insert after insert on certificate
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = new.user_id and e.course_id = new.course_id);
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = new.user_id and e.course_id = new.course_id; end;
--> statement-breakpoint
create trigger if not exists report_fact_progress_delete after delete on lesson_progress
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = old.user_id and e.course_id = (select mo.course_id from lesson l join module mo on mo.id = l.module_id where l.id = old.lesson_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = old.user_id and e.course_id = (select mo.course_id from lesson l join module mo on mo.id = l.module_id where l.id = old.lesson_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_attempt_delete after delete on quiz_attempt
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = old.user_id and e.course_id = (select course_id from quiz where id = old.quiz_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = old.user_id and e.course_id = (select course_id from quiz where id = old.quiz_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_certificate_delete after delete on certificate
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = old.user_id and e.course_id = old.course_id);
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = old.user_id and e.course_id = old.course_id; end;
--> statement-breakpoint
create trigger if not exists report_fact_progress_update after update of completed_at, lesson_id, user_id on lesson_progress
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = new.user_id and e.course_id = (select mo.course_id from lesson l join module mo on mo.id = l.module_id where l.id = new.lesson_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = new.user_id and e.course_id = (select mo.course_id from lesson l join module mo on mo.id = l.module_id where l.id = new.lesson_id);delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = old.user_id and e.course_id = (select mo.course_id from lesson l join module mo on mo.id = l.module_id where l.id = old.lesson_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = old.user_id and e.course_id = (select mo.course_id from lesson l join module mo on mo.id = l.module_id where l.id = old.lesson_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_attempt_update after update of submitted_at, percentage, passed, kind, quiz_id, user_id on quiz_attempt
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = new.user_id and e.course_id = (select course_id from quiz where id = new.quiz_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = new.user_id and e.course_id = (select course_id from quiz where id = new.quiz_id);delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = old.user_id and e.course_id = (select course_id from quiz where id = old.quiz_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = old.user_id and e.course_id = (select course_id from quiz where id = old.quiz_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_certificate_update after update of revoked_at, user_id, course_id on certificate
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = new.user_id and e.course_id = new.course_id);
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = new.user_id and e.course_id = new.course_id;delete from report_fact where enrolment_id in (select e.id from enrolment e where e.user_id = old.user_id and e.course_id = old.course_id);
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.user_id = old.user_id and e.course_id = old.course_id; end;
--> statement-breakpoint
create trigger if not exists report_fact_lesson_0 after insert on lesson
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.course_id in (select course_id from module where id in (new.module_id)));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.course_id in (select course_id from module where id in (new.module_id)); end;
--> statement-breakpoint
create trigger if not exists report_fact_lesson_1 after update of archived, module_id on lesson
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.course_id in (select course_id from module where id in (new.module_id, old.module_id)));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.course_id in (select course_id from module where id in (new.module_id, old.module_id)); end;
--> statement-breakpoint
create trigger if not exists report_fact_lesson_2 after delete on lesson
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.course_id in (select course_id from module where id in (old.module_id)));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.course_id in (select course_id from module where id in (old.module_id)); end;
--> statement-breakpoint
create trigger if not exists report_fact_module_0 after insert on module
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.course_id in (new.course_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.course_id in (new.course_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_module_1 after update of archived, course_id, position on module
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.course_id in (new.course_id, old.course_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.course_id in (new.course_id, old.course_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_module_2 after delete on module
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.course_id in (old.course_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.course_id in (old.course_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_quiz_0 after insert on quiz
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.course_id in (new.course_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.course_id in (new.course_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_quiz_1 after update of slug, course_id, module_id, archived on quiz
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.course_id in (new.course_id, old.course_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.course_id in (new.course_id, old.course_id); end;
--> statement-breakpoint
create trigger if not exists report_fact_quiz_2 after delete on quiz
	begin delete from report_fact where enrolment_id in (select e.id from enrolment e where e.course_id in (old.course_id));
		insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed)
		select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where e.course_id in (old.course_id); end;
--> statement-breakpoint
insert into report_fact (enrolment_id, user_id, course_id, enrolled_at, gender, position, governorate_id,
		started, completed, completed_at, certified, pre, fin, quiz_tried, quiz_passed) select e.id as enrolment_id, e.user_id, e.course_id, e.enrolled_at,
		u.gender, u.position, u.governorate_id,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) as completed,
		case when coalesce((select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived) > 0 and (select count(*) from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
			= (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
			join module mo on mo.id = l.module_id where lp.user_id = e.user_id
			and mo.course_id = e.course_id and not l.archived and not mo.archived
			and lp.completed_at is not null), 0) then (select max(lp.completed_at) from lesson_progress lp
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
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null)) as quiz_tried,
		(select coalesce(sum(bit), 0) from (
			select distinct 1 << mo.position as bit from quiz_attempt a join quiz q on q.id = a.quiz_id
			join module mo on mo.id = q.module_id where a.user_id = e.user_id
			and q.course_id = e.course_id and q.slug not like '%.assignment' and not q.archived
			and not mo.archived and mo.position between 0 and 62 and a.kind = 'attempt'
			and a.submitted_at is not null and a.passed)) as quiz_passed from enrolment e join user u on u.id = e.user_id where 1;
