ALTER TABLE `showcases` ADD `updated_by_key` text;--> statement-breakpoint
ALTER TABLE `showcases` DROP COLUMN `updated_by`;--> statement-breakpoint
CREATE INDEX `command_log_created` ON `command_log` (`created_at`);--> statement-breakpoint
ALTER TABLE `brief_reframes` DROP COLUMN `author_name`;--> statement-breakpoint
ALTER TABLE `presentation_feedback` DROP COLUMN `author_name`;--> statement-breakpoint
ALTER TABLE `presentation_judges` DROP COLUMN `name`;