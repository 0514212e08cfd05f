CREATE TABLE "demand_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text,
	"file_name" text NOT NULL,
	"status" "framework_import_status" DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"stored" integer DEFAULT 0 NOT NULL,
	"replaced" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "demand_signals" (
	"id" text PRIMARY KEY NOT NULL,
	"import_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"subject" text NOT NULL,
	"subject_kind" text NOT NULL,
	"region" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	"source_name" text NOT NULL,
	"source_url" text,
	"retrieved_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hiring_commitments" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text,
	"signer_name" text NOT NULL,
	"organization_name" text NOT NULL,
	"hires" integer NOT NULL,
	"region" text NOT NULL,
	"months" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text
);
--> statement-breakpoint
ALTER TABLE "demand_imports" ADD CONSTRAINT "demand_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_imports" ADD CONSTRAINT "demand_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_signals" ADD CONSTRAINT "demand_signals_import_id_demand_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."demand_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_signals" ADD CONSTRAINT "demand_signals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_commitments" ADD CONSTRAINT "hiring_commitments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_commitments" ADD CONSTRAINT "hiring_commitments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_commitments" ADD CONSTRAINT "hiring_commitments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_commitments" ADD CONSTRAINT "hiring_commitments_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demand_imports_user_idx" ON "demand_imports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "demand_signals_subject_idx" ON "demand_signals" USING btree ("subject","metric","region","period_end");--> statement-breakpoint
CREATE INDEX "demand_signals_source_idx" ON "demand_signals" USING btree ("organization_id","source_name","period");--> statement-breakpoint
CREATE INDEX "hiring_commitments_document_idx" ON "hiring_commitments" USING btree ("document_id","created_at");