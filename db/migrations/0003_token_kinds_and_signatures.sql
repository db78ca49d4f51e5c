CREATE TYPE "public"."bot_platform" AS ENUM('recall', 'attendee');--> statement-breakpoint
CREATE TABLE "bot_platform_secrets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"platform" "bot_platform" NOT NULL,
	"label" text NOT NULL,
	"secret_enc" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "signed_request_ids" (
	"tenant_id" uuid NOT NULL,
	"platform" "bot_platform" NOT NULL,
	"message_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signed_request_ids_tenant_id_platform_message_id_pk" PRIMARY KEY("tenant_id","platform","message_id")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "require_recall_signature" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "require_attendee_signature" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "token_requests" ADD COLUMN "caller_id" text;--> statement-breakpoint
ALTER TABLE "url_secrets" ADD COLUMN "kinds" text[] DEFAULT ARRAY['zak']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "bot_platform_secrets" ADD CONSTRAINT "bot_platform_secrets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_platform_secrets" ADD CONSTRAINT "bot_platform_secrets_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_request_ids" ADD CONSTRAINT "signed_request_ids_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bot_platform_secrets_tenant_idx" ON "bot_platform_secrets" USING btree ("tenant_id","platform");--> statement-breakpoint
CREATE INDEX "signed_request_ids_expiry_idx" ON "signed_request_ids" USING btree ("expires_at");