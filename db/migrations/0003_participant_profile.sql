ALTER TABLE `participants` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `skills` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `access_needs` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `contact_consent` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `contact` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `age_band` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `left_at` integer;