CREATE TABLE "zoom_account_pacing" (
	"zoom_account_id" text PRIMARY KEY NOT NULL,
	"per_second" integer,
	"next_slot_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "token_requests" ADD COLUMN "paced_ms" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "zoom_connections" ADD COLUMN "zoom_rate_limit" integer;