CREATE TABLE `attempt_answer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attempt_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`response` text,
	`saved_at` integer NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`score` real,
	`correct` integer,
	`graded_by` text,
	`graded_at` integer,
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempt`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`graded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempt_answer_attempt_question_idx` ON `attempt_answer` (`attempt_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `quiz_attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`quiz_id` integer NOT NULL,
	`kind` text DEFAULT 'attempt' NOT NULL,
	`started_at` integer NOT NULL,
	`deadline_at` integer,
	`submitted_at` integer,
	`submitted_by` text,
	`seed` text NOT NULL,
	`locale` text NOT NULL,
	`settings` text NOT NULL,
	`questions` text NOT NULL,
	`score` real,
	`max_score` real,
	`percentage` real,
	`passed` integer,
	`pending_count` integer DEFAULT 0 NOT NULL,
	`time_taken_seconds` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quiz`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_attempt_user_quiz_idx` ON `quiz_attempt` (`user_id`,`quiz_id`);--> statement-breakpoint
CREATE INDEX `quiz_attempt_deadline_idx` ON `quiz_attempt` (`deadline_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempt_one_open` ON `quiz_attempt` (`user_id`,`quiz_id`,`kind`) WHERE submitted_at IS NULL;