CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`account_id` text,
	`action` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`keep_until` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_event` ON `audit_log` (`event_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_keep_until` ON `audit_log` (`keep_until`);--> statement-breakpoint
CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL,
	`last_done_at` integer
);
--> statement-breakpoint
ALTER TABLE `events` ADD `data_controller` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `privacy_contact` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `retention_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `personal_data_erased_at` integer;