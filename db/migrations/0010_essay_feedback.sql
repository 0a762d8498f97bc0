ALTER TABLE `attempt_answer` ADD `grader_feedback` text;--> statement-breakpoint
ALTER TABLE `attempt_answer` ADD `rubric_scores` text;