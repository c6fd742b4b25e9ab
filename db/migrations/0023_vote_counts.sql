CREATE TABLE `vote_tallies` (
	`round_id` text NOT NULL,
	`target_id` text NOT NULL,
	`dots` integer NOT NULL,
	PRIMARY KEY(`round_id`, `target_id`),
	FOREIGN KEY (`round_id`) REFERENCES `vote_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `vote_rounds` ADD `voters` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `vote_rounds` ADD `dots_used` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written below: the counts follow every insert and delete of a dot, whatever path made it.
INSERT INTO `vote_tallies` (`round_id`, `target_id`, `dots`)
  SELECT `round_id`, `target_id`, count(*) FROM `votes` GROUP BY `round_id`, `target_id`;--> statement-breakpoint
UPDATE `vote_rounds` SET
  `dots_used` = (SELECT count(*) FROM `votes` v WHERE v.`round_id` = `vote_rounds`.`id`),
  `voters` = (SELECT count(DISTINCT v.`voter_key`) FROM `votes` v WHERE v.`round_id` = `vote_rounds`.`id`);--> statement-breakpoint
CREATE TRIGGER `votes_count_insert` AFTER INSERT ON `votes`
BEGIN
  INSERT INTO `vote_tallies` (`round_id`, `target_id`, `dots`) VALUES (NEW.`round_id`, NEW.`target_id`, 1)
    ON CONFLICT (`round_id`, `target_id`) DO UPDATE SET `dots` = `dots` + 1;
  UPDATE `vote_rounds` SET `dots_used` = `dots_used` + 1,
    `voters` = `voters` + NOT EXISTS (SELECT 1 FROM `votes` v
      WHERE v.`round_id` = NEW.`round_id` AND v.`voter_key` = NEW.`voter_key` AND v.`id` <> NEW.`id`)
  WHERE `id` = NEW.`round_id`;
END;--> statement-breakpoint
CREATE TRIGGER `votes_count_delete` AFTER DELETE ON `votes`
BEGIN
  UPDATE `vote_tallies` SET `dots` = `dots` - 1 WHERE `round_id` = OLD.`round_id` AND `target_id` = OLD.`target_id`;
  DELETE FROM `vote_tallies` WHERE `round_id` = OLD.`round_id` AND `target_id` = OLD.`target_id` AND `dots` <= 0;
  UPDATE `vote_rounds` SET `dots_used` = `dots_used` - 1,
    `voters` = `voters` - NOT EXISTS (SELECT 1 FROM `votes` v
      WHERE v.`round_id` = OLD.`round_id` AND v.`voter_key` = OLD.`voter_key`)
  WHERE `id` = OLD.`round_id`;
END;--> statement-breakpoint
-- A dot is never moved (it is taken back and placed again), so the counts need no update path.
CREATE TRIGGER `votes_never_move` BEFORE UPDATE OF `round_id`, `target_id`, `voter_key` ON `votes`
BEGIN SELECT RAISE(ABORT, 'a dot is taken back and placed again, never moved'); END;
