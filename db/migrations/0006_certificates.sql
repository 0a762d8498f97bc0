CREATE TABLE `certificate` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`user_id` text NOT NULL,
	`course_id` integer NOT NULL,
	`type` text NOT NULL,
	`snapshot` text NOT NULL,
	`identity_salt` text NOT NULL,
	`issued_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_reason` text,
	`revoked_by` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_code_unique` ON `certificate` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_once_idx` ON `certificate` (`user_id`,`course_id`,`type`);--> statement-breakpoint
CREATE INDEX `certificate_course_idx` ON `certificate` (`course_id`);