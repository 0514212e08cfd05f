CREATE TYPE "public"."signoff_decision" AS ENUM('approved', 'changes_requested', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."signoff_round_status" AS ENUM('open', 'approved', 'changes_requested', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "organization_signatories" (
	"organization_id" text NOT NULL,
	"user_id" text NOT NULL,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_signatories_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "signoff_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"stage_index" integer NOT NULL,
	"organization_id" text NOT NULL,
	"decision" "signoff_decision" NOT NULL,
	"version_hash" text NOT NULL,
	"decided_by" text NOT NULL,
	"comment" text,
	"decided_at" timestamp with time zone NOT NULL,
	"outdated_at" timestamp with time zone,
	CONSTRAINT "signoff_decisions_hash_hex" CHECK ("signoff_decisions"."version_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "signoff_decisions_stage_nonnegative" CHECK ("signoff_decisions"."stage_index" >= 0),
	CONSTRAINT "signoff_decisions_comment_required" CHECK ("signoff_decisions"."decision" = 'approved' OR ("signoff_decisions"."comment" IS NOT NULL AND length(trim("signoff_decisions"."comment")) > 0)),
	CONSTRAINT "signoff_decisions_only_approvals_outdate" CHECK ("signoff_decisions"."outdated_at" IS NULL OR "signoff_decisions"."decision" = 'approved')
);
--> statement-breakpoint
CREATE TABLE "signoff_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"number" integer NOT NULL,
	"status" "signoff_round_status" DEFAULT 'open' NOT NULL,
	"stages" jsonb NOT NULL,
	"requested_version_hash" text NOT NULL,
	"current_version_hash" text NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "signoff_rounds_number_positive" CHECK ("signoff_rounds"."number" >= 1),
	CONSTRAINT "signoff_rounds_closed_when_not_open" CHECK (("signoff_rounds"."status" = 'open') = ("signoff_rounds"."closed_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "signoff_templates" (
	"document_id" text PRIMARY KEY NOT NULL,
	"template" jsonb NOT NULL,
	"adjusted_by" text,
	"adjusted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signoff_versions" (
	"document_id" text NOT NULL,
	"version_hash" text NOT NULL,
	"canonical" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signoff_versions_document_id_version_hash_pk" PRIMARY KEY("document_id","version_hash"),
	CONSTRAINT "signoff_versions_hash_hex" CHECK ("signoff_versions"."version_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"seq" integer NOT NULL,
	"document_id" text,
	"project_id" text,
	"actor_user_id" text,
	"organization_id" text,
	"type" text NOT NULL,
	"schema_version" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"version_hash" text,
	"ip" text,
	"user_agent" text,
	"prev_hash" text,
	"hash" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "audit_events_seq_positive" CHECK ("audit_events"."seq" >= 1),
	CONSTRAINT "audit_events_first_has_no_prev" CHECK (("audit_events"."seq" = 1) = ("audit_events"."prev_hash" IS NULL)),
	CONSTRAINT "audit_events_hash_hex" CHECK ("audit_events"."hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "audit_events_document_chain" CHECK ("audit_events"."document_id" IS NULL OR "audit_events"."chain" = 'document:' || "audit_events"."document_id")
);
--> statement-breakpoint
ALTER TABLE "organization_signatories" ADD CONSTRAINT "organization_signatories_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_signatories" ADD CONSTRAINT "organization_signatories_membership_fk" FOREIGN KEY ("user_id","organization_id") REFERENCES "public"."memberships"("user_id","organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_decisions" ADD CONSTRAINT "signoff_decisions_round_id_signoff_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."signoff_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_decisions" ADD CONSTRAINT "signoff_decisions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_decisions" ADD CONSTRAINT "signoff_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_rounds" ADD CONSTRAINT "signoff_rounds_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_rounds" ADD CONSTRAINT "signoff_rounds_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_rounds" ADD CONSTRAINT "signoff_rounds_requested_version_fk" FOREIGN KEY ("document_id","requested_version_hash") REFERENCES "public"."signoff_versions"("document_id","version_hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_rounds" ADD CONSTRAINT "signoff_rounds_current_version_fk" FOREIGN KEY ("document_id","current_version_hash") REFERENCES "public"."signoff_versions"("document_id","version_hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_templates" ADD CONSTRAINT "signoff_templates_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_templates" ADD CONSTRAINT "signoff_templates_adjusted_by_users_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_versions" ADD CONSTRAINT "signoff_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_versions" ADD CONSTRAINT "signoff_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_signatories_user_idx" ON "organization_signatories" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signoff_decisions_live_seat" ON "signoff_decisions" USING btree ("round_id","stage_index","organization_id") WHERE "signoff_decisions"."outdated_at" IS NULL;--> statement-breakpoint
CREATE INDEX "signoff_decisions_round_idx" ON "signoff_decisions" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signoff_rounds_document_number" ON "signoff_rounds" USING btree ("document_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "signoff_rounds_one_open_per_document" ON "signoff_rounds" USING btree ("document_id") WHERE "signoff_rounds"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_seq" ON "audit_events" USING btree ("chain","seq");--> statement-breakpoint
CREATE INDEX "audit_events_document_idx" ON "audit_events" USING btree ("document_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_project_idx" ON "audit_events" USING btree ("project_id","id");