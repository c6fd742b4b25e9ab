CREATE TABLE `note_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`event_id` text NOT NULL,
	`storage_key` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `note_photos_board` ON `note_photos` (`board_id`);--> statement-breakpoint
ALTER TABLE `notes` ADD `photo_id` text;