-- Hand-written. Leaving and the retention sweep now erase the language a person chose (it can
-- hint at where they or their family are from); before, it was kept. Erased here for everyone
-- who already left, for those an earlier sweep pseudonymised (who joined before it ran), and for
-- project owners whose address a sweep erased.
UPDATE `participants` SET `language` = NULL
WHERE `left_at` IS NOT NULL
   OR EXISTS (
     SELECT 1 FROM `events` e
     WHERE e.`id` = `participants`.`event_id`
       AND e.`personal_data_erased_at` IS NOT NULL
       AND `participants`.`created_at` <= e.`personal_data_erased_at`
   );--> statement-breakpoint
UPDATE `projects` SET `owner_language` = NULL
WHERE `owner_email` = ''
  AND EXISTS (SELECT 1 FROM `events` e WHERE e.`id` = `projects`.`event_id` AND e.`personal_data_erased_at` IS NOT NULL);
