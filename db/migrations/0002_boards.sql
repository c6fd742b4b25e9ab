CREATE TABLE `note_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `note_groups_board` ON `note_groups` (`board_id`);--> statement-breakpoint
DROP INDEX `notes_board`;--> statement-breakpoint
ALTER TABLE `notes` ADD `position` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `notes` ADD `group_id` text REFERENCES note_groups(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `notes` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `notes` ADD `source_note_id` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `source_board_id` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `notes_board` ON `notes` (`board_id`,`column_key`,`position`);--> statement-breakpoint
ALTER TABLE `boards` ADD `template` text DEFAULT 'blank' NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `locked` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `anonymous` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `hidden_until_reveal` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `revealed_at` integer;--> statement-breakpoint
ALTER TABLE `boards` ADD `position` integer DEFAULT 0 NOT NULL;