ALTER TABLE `municipality` ADD `code` text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE `municipality` ADD `added_by` text REFERENCES user(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `municipality` ADD `created_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
-- Hand-written: the existing rows (the 24 governorate seats) get codes TN-xx-01 (then -02 … for
-- any municipality an installation already added) and the migration time as created_at.
UPDATE `municipality` SET
	`code` = `governorate_id` || '-' || printf('%02d', (
		SELECT count(*) FROM `municipality` AS m2
		WHERE m2.`governorate_id` = `municipality`.`governorate_id` AND m2.`id` <= `municipality`.`id`
	)),
	`created_at` = CAST(strftime('%s', 'now') AS INTEGER) * 1000;--> statement-breakpoint
CREATE UNIQUE INDEX `municipality_code_idx` ON `municipality` (`code`);--> statement-breakpoint
ALTER TABLE `user` ADD `municipality_other` text;
