CREATE TABLE `command_log_scrubs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`mentioning` text NOT NULL,
	`sent_by` text NOT NULL,
	`done_to` integer DEFAULT 0 NOT NULL,
	`done_to_without_event` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `command_log` ADD `event_id` text;--> statement-breakpoint
CREATE INDEX `command_log_event` ON `command_log` (`event_id`);