-- Hand-written. Reminder claims made before reminders were counted by project and milestone date
-- were keyed 'reminder:' || milestone id, with detail 'due' or 'overdue'. The sweep no longer reads
-- them, so the reminder they stood for would go again: each becomes the claim of its milestone's
-- date (the date in London, as lib/projects/check-in-rules.ts `milestoneDate` names it: British
-- Summer Time runs from 01:00 UTC on the last Sunday of March to the last Sunday of October), its
-- one 'overdue' the first of the weekly overdue rounds. A claim whose milestone is gone (saving the
-- milestones used to rewrite their rows) names nothing any more and is dropped.
INSERT INTO `email_claims` (`key`, `detail`, `claimed_at`, `sent_at`)
SELECT
  'reminder:' || m.`project_id` || ':' || CASE
    WHEN datetime(m.`due_at` / 1000, 'unixepoch') >= datetime(strftime('%Y', m.`due_at` / 1000, 'unixepoch') || '-03-25', 'weekday 0', '+1 hour')
     AND datetime(m.`due_at` / 1000, 'unixepoch') < datetime(strftime('%Y', m.`due_at` / 1000, 'unixepoch') || '-10-25', 'weekday 0', '+1 hour')
    THEN date(m.`due_at` / 1000, 'unixepoch', '+1 hour')
    ELSE date(m.`due_at` / 1000, 'unixepoch')
  END,
  CASE c.`detail` WHEN 'overdue' THEN 'overdue-0' ELSE c.`detail` END,
  c.`claimed_at`,
  c.`sent_at`
FROM `email_claims` c
JOIN `project_milestones` m ON c.`key` = 'reminder:' || m.`id`
WHERE true
-- Two old claims on one date (two milestones due the same day): the overdue one first, so the
-- reminder already sent as overdue is the one kept.
ORDER BY c.`detail` = 'overdue' DESC
ON CONFLICT (`key`) DO NOTHING;--> statement-breakpoint
DELETE FROM `email_claims` WHERE `key` LIKE 'reminder:%' AND `key` NOT LIKE 'reminder:%:%';
