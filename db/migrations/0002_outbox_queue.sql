CREATE TABLE `email_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email_id` integer NOT NULL,
	`number` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`outcome` text,
	`failure` text,
	FOREIGN KEY (`email_id`) REFERENCES `emails`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_attempts_number` ON `email_attempts` (`email_id`,`number`);--> statement-breakpoint
CREATE TABLE `email_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business_id` integer NOT NULL,
	`user_id` integer,
	`idempotency_key` text NOT NULL,
	`document_type` text NOT NULL,
	`skipped` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_batches_idempotency_unique` ON `email_batches` (`business_id`,`idempotency_key`);--> statement-breakpoint
ALTER TABLE `email_settings` ADD `send_rate_per_minute` integer;--> statement-breakpoint
ALTER TABLE `emails` ADD `batch_id` integer REFERENCES email_batches(id);--> statement-breakpoint
ALTER TABLE `emails` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `emails` ADD `lease_expires_at` integer;--> statement-breakpoint
ALTER TABLE `emails` ADD `attempt_token` text;--> statement-breakpoint
CREATE INDEX `emails_due` ON `emails` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `emails_batch` ON `emails` (`batch_id`);