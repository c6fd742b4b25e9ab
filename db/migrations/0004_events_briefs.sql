CREATE TABLE `brief_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`brief_id` text NOT NULL,
	`role` text NOT NULL,
	`how_to_reach` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brief_id`) REFERENCES `briefs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `brief_contacts_brief` ON `brief_contacts` (`brief_id`,`position`);--> statement-breakpoint
CREATE TABLE `brief_files` (
	`id` text PRIMARY KEY NOT NULL,
	`brief_id` text NOT NULL,
	`title` text NOT NULL,
	`storage_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`uploaded_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brief_id`) REFERENCES `briefs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `brief_files_storage_key_unique` ON `brief_files` (`storage_key`);--> statement-breakpoint
CREATE INDEX `brief_files_brief` ON `brief_files` (`brief_id`,`position`);--> statement-breakpoint
CREATE TABLE `brief_links` (
	`id` text PRIMARY KEY NOT NULL,
	`brief_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`url` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brief_id`) REFERENCES `briefs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `brief_links_brief` ON `brief_links` (`brief_id`,`position`);--> statement-breakpoint
CREATE TABLE `brief_reframes` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`brief_id` text NOT NULL,
	`team_id` text NOT NULL,
	`author_participant_id` text,
	`author_account_id` text,
	`author_name` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`brief_id`) REFERENCES `briefs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `brief_reframes_brief` ON `brief_reframes` (`brief_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `event_phases` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`name` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_phases_event` ON `event_phases` (`event_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `briefs` ADD `background` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `briefs` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `goals` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `access_info` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `childcare` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `food` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `what_to_bring` text DEFAULT '' NOT NULL;