CREATE TABLE `event_follow_ups` (
	`event_id` text PRIMARY KEY NOT NULL,
	`follows_event_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`follows_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `project_check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`status` text NOT NULL,
	`progress` text DEFAULT '' NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`numbers` text DEFAULT '[]' NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`photos` text DEFAULT '[]' NOT NULL,
	`learning` text DEFAULT '' NOT NULL,
	`help_needed` text DEFAULT '' NOT NULL,
	`author_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_check_ins_project` ON `project_check_ins` (`project_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `project_milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`day` integer NOT NULL,
	`title` text NOT NULL,
	`due_at` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_milestones_project` ON `project_milestones` (`project_id`,`due_at`);--> statement-breakpoint
CREATE TABLE `project_risks` (
	`project_id` text NOT NULL,
	`item` text NOT NULL,
	`checked` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`checked_by` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`project_id`, `item`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`team_id` text,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`owner_name` text NOT NULL,
	`owner_role` text DEFAULT '' NOT NULL,
	`co_owners` text DEFAULT '[]' NOT NULL,
	`started_at` integer NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`owner_token_hash` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_owner_token_hash_unique` ON `projects` (`owner_token_hash`);--> statement-breakpoint
CREATE INDEX `projects_event` ON `projects` (`event_id`);