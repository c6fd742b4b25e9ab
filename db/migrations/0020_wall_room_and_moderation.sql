CREATE TABLE `deleted_notes` (
	`note_id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`deleted_by` text NOT NULL,
	`author_participant_id` text,
	`author_account_id` text,
	`note` text NOT NULL,
	`dissolved_group` text,
	`deleted_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deleted_notes_time` ON `deleted_notes` (`deleted_at`);--> statement-breakpoint
ALTER TABLE `announcements` ADD `cleared_at` integer;--> statement-breakpoint
ALTER TABLE `notes` ADD `withheld_at` integer;--> statement-breakpoint
ALTER TABLE `presentation_runs` ADD `included_team_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `presentation_runs` ADD `projecting` text DEFAULT 'presenter' NOT NULL;