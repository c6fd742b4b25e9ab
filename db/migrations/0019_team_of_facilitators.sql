CREATE TABLE `activity_log` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`account_id` text,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `activity_log_event` ON `activity_log` (`event_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `announcements` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `announcements` SET `position` = (SELECT count(*) FROM `announcements` AS `earlier` WHERE `earlier`.`event_id` = `announcements`.`event_id` AND (`earlier`.`created_at` < `announcements`.`created_at` OR (`earlier`.`created_at` = `announcements`.`created_at` AND `earlier`.`id` <= `announcements`.`id`)));--> statement-breakpoint
CREATE INDEX `announcements_position` ON `announcements` (`event_id`,`position`);--> statement-breakpoint
ALTER TABLE `room_states` ADD `lead_account_id` text REFERENCES accounts(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `room_states` ADD `controls_locked` integer DEFAULT false NOT NULL;