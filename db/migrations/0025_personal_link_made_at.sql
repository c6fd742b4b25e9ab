ALTER TABLE `participants` ADD `resume_token_made_at` integer;--> statement-breakpoint
-- Links made before this migration count as made now: they keep working for the usual while.
UPDATE `participants` SET `resume_token_made_at` = CAST(unixepoch('subsec') * 1000 AS INTEGER);
