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
CREATE INDEX `deleted_notes_time` ON `deleted_notes` (`deleted_at`);