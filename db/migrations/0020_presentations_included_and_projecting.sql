ALTER TABLE `presentation_runs` ADD `included_team_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `presentation_runs` ADD `projecting` text DEFAULT 'presenter' NOT NULL;