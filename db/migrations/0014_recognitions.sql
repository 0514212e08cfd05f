CREATE TYPE "public"."recognition_status" AS ENUM('proposed', 'confirmed', 'withdrawn');--> statement-breakpoint
CREATE TABLE "recognitions" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"row_id" text NOT NULL,
	"receiving_organization_id" text NOT NULL,
	"version_hash" text,
	"status" "recognition_status" DEFAULT 'proposed' NOT NULL,
	"signed_by" text,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_receiving_organization_id_organizations_id_fk" FOREIGN KEY ("receiving_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recognitions_row_receiver" ON "recognitions" USING btree ("document_id","row_id","receiving_organization_id");--> statement-breakpoint
CREATE INDEX "recognitions_receiver_idx" ON "recognitions" USING btree ("receiving_organization_id");