CREATE TABLE "document_edits" (
	"document_id" text NOT NULL,
	"user_id" text NOT NULL,
	"organization_id" text,
	"field_key" text NOT NULL,
	"row_id" text,
	"minute" timestamp with time zone NOT NULL,
	"edits" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_edits" ADD CONSTRAINT "document_edits_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_edits" ADD CONSTRAINT "document_edits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_edits" ADD CONSTRAINT "document_edits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_edits_unique_idx" ON "document_edits" USING btree ("document_id","user_id","field_key",coalesce("row_id", ''),"minute");--> statement-breakpoint
CREATE INDEX "document_edits_document_minute_idx" ON "document_edits" USING btree ("document_id","minute");