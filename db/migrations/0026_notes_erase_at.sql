ALTER TABLE `notes` ADD `erase_at` integer;--> statement-breakpoint
CREATE INDEX `notes_erase_at` ON `notes` (`erase_at`) WHERE "notes"."erase_at" is not null;