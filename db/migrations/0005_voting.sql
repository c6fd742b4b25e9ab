CREATE TABLE `vote_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`event_id` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`dots_per_person` integer NOT NULL,
	`max_per_target` integer NOT NULL,
	`targets` text DEFAULT 'notes' NOT NULL,
	`tallies_live` integer DEFAULT false NOT NULL,
	`columns` text,
	`shortlist_size` integer DEFAULT 8 NOT NULL,
	`ends_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`closed_at` integer,
	`revealed_at` integer,
	`shortlist` text,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `vote_rounds_board` ON `vote_rounds` (`board_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`voter_key` text NOT NULL,
	`target_id` text NOT NULL,
	`slot` integer NOT NULL,
	`place_on_target` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `vote_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_voter_slot` ON `votes` (`round_id`,`voter_key`,`slot`);--> statement-breakpoint
CREATE UNIQUE INDEX `votes_voter_target_place` ON `votes` (`round_id`,`voter_key`,`target_id`,`place_on_target`);--> statement-breakpoint
CREATE INDEX `votes_round_target` ON `votes` (`round_id`,`target_id`);--> statement-breakpoint
-- Hand-written below: rules the database itself enforces, so no race in the application can break them.
CREATE UNIQUE INDEX `vote_rounds_one_open_per_board` ON `vote_rounds` (`board_id`) WHERE `status` = 'open';--> statement-breakpoint
CREATE TRIGGER `votes_only_in_open_rounds` BEFORE INSERT ON `votes`
WHEN (SELECT `status` FROM `vote_rounds` WHERE `id` = NEW.`round_id`) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'vote round is not open'); END;--> statement-breakpoint
CREATE TRIGGER `votes_within_dot_budget` BEFORE INSERT ON `votes`
WHEN NEW.`slot` < 0 OR NEW.`slot` >= (SELECT `dots_per_person` FROM `vote_rounds` WHERE `id` = NEW.`round_id`)
BEGIN SELECT RAISE(ABORT, 'no dots left'); END;--> statement-breakpoint
CREATE TRIGGER `votes_within_target_limit` BEFORE INSERT ON `votes`
WHEN NEW.`place_on_target` < 0 OR NEW.`place_on_target` >= (SELECT `max_per_target` FROM `vote_rounds` WHERE `id` = NEW.`round_id`)
BEGIN SELECT RAISE(ABORT, 'too many dots on one note'); END;
