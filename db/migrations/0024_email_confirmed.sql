ALTER TABLE `accounts` ADD `email_confirmed_at` integer;--> statement-breakpoint
-- Accounts made through single sign-on had their email from the identity provider.
UPDATE `accounts` SET `email_confirmed_at` = `created_at` WHERE `password_hash` = 'sso:no-password';
