ALTER TYPE "public"."notification_kind" ADD VALUE 'framework_version';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'recognition_awaiting';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'decision_reminder';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'stage_overdue';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'review_due';