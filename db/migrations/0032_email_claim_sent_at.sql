ALTER TABLE `email_claims` ADD `sent_at` integer;--> statement-breakpoint
-- Hand-written: claims from before the lease were all sent (a refused message gave its claim back),
-- so they are marked sent; unmarked, each would be taken again after the lease and sent twice.
UPDATE `email_claims` SET `sent_at` = `claimed_at`;
