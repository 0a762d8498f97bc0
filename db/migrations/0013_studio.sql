CREATE TABLE `draft_file` (
	`course_id` integer NOT NULL,
	`path` text NOT NULL,
	`content` blob NOT NULL,
	`hash` text NOT NULL,
	`base_hash` text,
	`source_hash` text,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`course_id`, `path`),
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `draft_file_updated_by_idx` ON `draft_file` (`updated_by`);--> statement-breakpoint
ALTER TABLE `course_role` ADD `languages` text;