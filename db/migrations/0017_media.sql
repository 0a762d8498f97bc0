CREATE TABLE `course_media` (
	`course_id` integer NOT NULL,
	`name` text NOT NULL,
	`master_hash` text NOT NULL,
	PRIMARY KEY(`course_id`, `name`),
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `course_media_master_idx` ON `course_media` (`master_hash`);--> statement-breakpoint
CREATE TABLE `media_variant` (
	`hash` text PRIMARY KEY NOT NULL,
	`master_hash` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `media_variant_master_idx` ON `media_variant` (`master_hash`);