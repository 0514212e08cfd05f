ALTER TABLE "documents" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "projection" jsonb;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "completeness_percent" smallint;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "projected_at" timestamp with time zone;