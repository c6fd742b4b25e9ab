CREATE TABLE `command_log_scrub_walks` (
	`event_id` text PRIMARY KEY NOT NULL,
	`lap` integer DEFAULT 0 NOT NULL,
	`at` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `command_log_scrubs` ADD `joined_lap` integer;--> statement-breakpoint
ALTER TABLE `command_log_scrubs` ADD `joined_at` integer;