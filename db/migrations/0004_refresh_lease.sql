ALTER TABLE "zoom_grants" ADD COLUMN "refresh_lease_owner" text;--> statement-breakpoint
ALTER TABLE "zoom_grants" ADD COLUMN "refresh_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "zoom_grants" ADD COLUMN "refresh_interrupted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "zoom_grants" ADD COLUMN "refresh_retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "zoom_grants" ADD COLUMN "refresh_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "zoom_grants" ADD COLUMN "refresh_pause_reason" text;