CREATE TABLE `room_states` (
	`event_id` text PRIMARY KEY NOT NULL,
	`current_phase_id` text,
	`phase_started_at` integer,
	`timer_status` text DEFAULT 'idle' NOT NULL,
	`timer_duration_ms` integer DEFAULT 300000 NOT NULL,
	`timer_ends_at` integer,
	`timer_remaining_ms` integer DEFAULT 300000 NOT NULL,
	`wall` text,
	`last_change` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`current_phase_id`) REFERENCES `event_phases`(`id`) ON UPDATE no action ON DELETE set null
);
