CREATE TYPE "public"."consortium_invitation_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."consortium_role" AS ENUM('admin', 'member');--> statement-breakpoint
CREATE TABLE "consortia" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consortium_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"consortium_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"inviting_organization_id" text NOT NULL,
	"invited_by" text,
	"status" "consortium_invitation_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text
);
--> statement-breakpoint
CREATE TABLE "consortium_members" (
	"consortium_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"role" "consortium_role" DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consortium_members_consortium_id_organization_id_pk" PRIMARY KEY("consortium_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "consortia" ADD CONSTRAINT "consortia_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_inviting_organization_id_organizations_id_fk" FOREIGN KEY ("inviting_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_members" ADD CONSTRAINT "consortium_members_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_members" ADD CONSTRAINT "consortium_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consortium_invitations_org_idx" ON "consortium_invitations" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consortium_invitations_one_pending" ON "consortium_invitations" USING btree ("consortium_id","organization_id") WHERE "consortium_invitations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "consortium_members_org_idx" ON "consortium_members" USING btree ("organization_id");