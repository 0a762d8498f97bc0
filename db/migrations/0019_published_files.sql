CREATE TABLE `published_file` (
	`course_id` integer NOT NULL,
	`path` text NOT NULL,
	`content` blob,
	`hash` text NOT NULL,
	PRIMARY KEY(`course_id`, `path`),
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE cascade
);
