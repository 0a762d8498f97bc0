CREATE TABLE `import_conflict` (
	`course_id` integer PRIMARY KEY NOT NULL,
	`files_hash` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`detected_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_conflict_decided_by_idx` ON `import_conflict` (`decided_by`);--> statement-breakpoint
CREATE TABLE `studio_comment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`lesson_slug` text NOT NULL,
	`locale` text NOT NULL,
	`parent_id` integer,
	`author_id` text,
	`body` text NOT NULL,
	`quote` text,
	`resolved_by` text,
	`resolved_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `studio_comment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `studio_comment_lesson_idx` ON `studio_comment` (`course_id`,`module_slug`,`lesson_slug`);--> statement-breakpoint
CREATE INDEX `studio_comment_parent_idx` ON `studio_comment` (`parent_id`);--> statement-breakpoint
CREATE INDEX `studio_comment_author_idx` ON `studio_comment` (`author_id`);--> statement-breakpoint
CREATE INDEX `studio_comment_resolved_by_idx` ON `studio_comment` (`resolved_by`);