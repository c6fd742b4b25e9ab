CREATE TABLE `presentation_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`team_id` text NOT NULL,
	`author_key` text NOT NULL,
	`author_name` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `presentation_feedback_team` ON `presentation_feedback` (`team_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `presentation_judges` (
	`event_id` text NOT NULL,
	`judge_key` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`event_id`, `judge_key`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `presentation_reactions` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`team_id` text NOT NULL,
	`kind` text NOT NULL,
	`reactor_key` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `presentation_reactions_team` ON `presentation_reactions` (`team_id`,`kind`);--> statement-breakpoint
CREATE INDEX `presentation_reactions_reactor` ON `presentation_reactions` (`team_id`,`reactor_key`);--> statement-breakpoint
CREATE TABLE `presentation_runs` (
	`event_id` text PRIMARY KEY NOT NULL,
	`running_order` text DEFAULT '[]' NOT NULL,
	`present_seconds` integer DEFAULT 300 NOT NULL,
	`questions_seconds` integer DEFAULT 120 NOT NULL,
	`current_team_id` text,
	`stage` text DEFAULT 'waiting' NOT NULL,
	`stage_started_at` integer,
	`peoples_choice_board_id` text,
	`criteria` text DEFAULT '{}' NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`current_team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`peoples_choice_board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `presentation_scores` (
	`event_id` text NOT NULL,
	`team_id` text NOT NULL,
	`judge_key` text NOT NULL,
	`criterion` text NOT NULL,
	`score` integer NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`team_id`, `judge_key`, `criterion`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "presentation_scores_range" CHECK("presentation_scores"."score" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE INDEX `presentation_scores_event` ON `presentation_scores` (`event_id`);--> statement-breakpoint
CREATE TABLE `showcase_images` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`event_id` text NOT NULL,
	`storage_key` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `showcase_images_team` ON `showcase_images` (`team_id`);--> statement-breakpoint
CREATE TABLE `showcases` (
	`team_id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`made` text DEFAULT '' NOT NULL,
	`learned` text DEFAULT '' NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`image_ids` text DEFAULT '[]' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`taken_forward_by` text DEFAULT '' NOT NULL,
	`needs` text DEFAULT '' NOT NULL,
	`updated_by` text DEFAULT '' NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `vote_rounds` ADD `exclude_own_team` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- ---- Hand-written (keep when regenerating): people's choice on teams. ----
-- A round with exclude_own_team refuses a dot from a member of the team it would go on, in the
-- database itself, whatever races the application has. Voter keys are actor keys: 'p:' || participant id.
CREATE TRIGGER `votes_not_for_own_team` BEFORE INSERT ON `votes`
WHEN (SELECT `exclude_own_team` FROM `vote_rounds` WHERE `id` = NEW.`round_id`) = 1
  AND EXISTS (SELECT 1 FROM `team_members` WHERE `team_id` = NEW.`target_id` AND 'p:' || `participant_id` = NEW.`voter_key`)
BEGIN SELECT RAISE(ABORT, 'you cannot vote for your own team'); END;
