ALTER TABLE `accounts` ADD `language` text;--> statement-breakpoint
ALTER TABLE `events` ADD `language` text DEFAULT 'en-GB' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `join_languages` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `language` text;