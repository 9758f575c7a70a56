CREATE TABLE `mail_oauth_connections` (
	`business_id` integer NOT NULL,
	`provider` text NOT NULL,
	`client_id` text NOT NULL,
	`client_secret_sealed` text,
	`tenant` text DEFAULT 'common' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`refresh_token_sealed` text,
	`access_token_sealed` text,
	`access_token_expires_at` integer,
	`connected_at` integer,
	`connected_by_user_id` integer,
	`reconnect_needed_at` integer,
	PRIMARY KEY(`business_id`, `provider`),
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`connected_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `oauth_states` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`business_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`provider` text NOT NULL,
	`code_verifier_sealed` text NOT NULL,
	`client_id` text NOT NULL,
	`client_secret_sealed` text,
	`tenant` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
