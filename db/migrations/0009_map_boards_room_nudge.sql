ALTER TABLE `boards` ADD `map_photo_id` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `pin_x` real;--> statement-breakpoint
ALTER TABLE `notes` ADD `pin_y` real;--> statement-breakpoint
ALTER TABLE `room_states` ADD `nudge` text;