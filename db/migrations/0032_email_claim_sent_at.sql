ALTER TABLE `email_claims` ADD `sent_at` integer DEFAULT 0;--> statement-breakpoint
-- Hand-written: a claim made without naming sent_at (by a process still running the code from before
-- leases, during a rolling deploy) counts as sent, as it did then; the new code writes NULL itself.
-- Hand-written: claims from before the lease were all sent (a refused message gave its claim back),
-- so they are marked sent; unmarked, each would be taken again after the lease and sent twice.
UPDATE `email_claims` SET `sent_at` = `claimed_at`;
