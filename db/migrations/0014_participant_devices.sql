CREATE TABLE `participant_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`label` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participant_devices_participant` ON `participant_devices` (`participant_id`);