CREATE TABLE "staff_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"language" text DEFAULT 'nb' NOT NULL,
	"roles" text[] NOT NULL,
	"team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "staff_invitations_email_lower" CHECK ("staff_invitations"."email" = lower("staff_invitations"."email")),
	CONSTRAINT "staff_invitations_language" CHECK ("staff_invitations"."language" in ('nb', 'nn', 'en')),
	CONSTRAINT "staff_invitations_roles" CHECK (cardinality("staff_invitations"."roles") > 0 and "staff_invitations"."roles" <@ array['admin', 'saksbehandler', 'servicekontor', 'feltarbeider', 'leser']::text[])
);
--> statement-breakpoint
ALTER TABLE "login_throttle" ADD COLUMN "last_failure_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "oidc_logins" ADD COLUMN "intent" text DEFAULT 'login' NOT NULL;--> statement-breakpoint
ALTER TABLE "oidc_logins" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "oidc_logins" ADD COLUMN "session_token_hash" "bytea";--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "scope_kommunenummer" char(4);--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "platform_operator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_invited_by_staff_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_accepted_by_staff_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitations_token" ON "staff_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitations_open" ON "staff_invitations" USING btree ("kommunenummer","email") WHERE "staff_invitations"."accepted_at" is null and "staff_invitations"."revoked_at" is null;--> statement-breakpoint
ALTER TABLE "oidc_logins" ADD CONSTRAINT "oidc_logins_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_logins" ADD CONSTRAINT "oidc_logins_intent" CHECK ("oidc_logins"."intent" in ('login', 'link'));--> statement-breakpoint
ALTER TABLE "oidc_logins" ADD CONSTRAINT "oidc_logins_link_owner" CHECK ("oidc_logins"."intent" = 'login' or ("oidc_logins"."user_id" is not null and "oidc_logins"."session_token_hash" is not null));--> statement-breakpoint
-- Sessions opened through a municipality's identity provider before this migration carried every
-- role of the account (security review, finding 1): from now on they carry that municipality's only.
UPDATE "staff_sessions" SET "scope_kommunenummer" = substring("method" from 6) WHERE "method" LIKE 'oidc:____';
--> statement-breakpoint
-- Failed logins were counted under other keys (finding 10); the counts are short-lived, so they start over.
DELETE FROM "login_throttle";
