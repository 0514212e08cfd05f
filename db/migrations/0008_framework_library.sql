CREATE TYPE "public"."framework_import_status" AS ENUM('queued', 'parsing', 'storing', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "framework_competencies" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"source_id" text NOT NULL,
	"code" text,
	"statement" text NOT NULL,
	"description" text,
	"type_label" text,
	"parent_id" text,
	"sibling_order" integer NOT NULL,
	"depth" integer NOT NULL,
	"position" integer NOT NULL,
	"source_uri" text,
	"ce_ctid" text,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce("framework_competencies"."code", '') || ' ' || "framework_competencies"."statement" || ' ' || coalesce("framework_competencies"."description", ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "framework_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text,
	"file_name" text NOT NULL,
	"status" "framework_import_status" DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"stored" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ignored" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changes" jsonb,
	"framework_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"source_identifier" text NOT NULL,
	"version_number" integer NOT NULL,
	"version_label" text,
	"name" text NOT NULL,
	"description" text,
	"publisher" text,
	"language" text,
	"licence" text,
	"licence_uri" text,
	"source_uri" text,
	"ce_ctid" text,
	"format" text NOT NULL,
	"organization_id" text NOT NULL,
	"imported_by" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"competency_count" integer NOT NULL,
	"previous_version_id" text
);
--> statement-breakpoint
ALTER TABLE "framework_competencies" ADD CONSTRAINT "framework_competencies_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_imports" ADD CONSTRAINT "framework_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_imports" ADD CONSTRAINT "framework_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_imports" ADD CONSTRAINT "framework_imports_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "framework_competencies_position" ON "framework_competencies" USING btree ("framework_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_competencies_source_id" ON "framework_competencies" USING btree ("framework_id","source_id");--> statement-breakpoint
CREATE INDEX "framework_competencies_parent_idx" ON "framework_competencies" USING btree ("framework_id","parent_id","sibling_order");--> statement-breakpoint
CREATE INDEX "framework_competencies_code_idx" ON "framework_competencies" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "framework_competencies_search_idx" ON "framework_competencies" USING gin ("search");--> statement-breakpoint
CREATE INDEX "framework_imports_user_idx" ON "framework_imports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_source_version" ON "frameworks" USING btree ("source_identifier","version_number");--> statement-breakpoint
CREATE INDEX "frameworks_organization_idx" ON "frameworks" USING btree ("organization_id");