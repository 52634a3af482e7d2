CREATE TABLE "follow_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"client_hash" "bytea" NOT NULL,
	"address_hash" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "public_location" text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_followers" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_followers" ADD COLUMN "confirm_token_hash" "bytea";--> statement-breakpoint
ALTER TABLE "report_followers" ADD COLUMN "confirm_code_hash" "bytea";--> statement-breakpoint
ALTER TABLE "report_followers" ADD COLUMN "confirm_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_followers" ADD COLUMN "confirm_attempts" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "follow_requests" ADD CONSTRAINT "follow_requests_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_requests_report" ON "follow_requests" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "follow_requests_client" ON "follow_requests" USING btree ("client_hash","created_at");--> statement-breakpoint
CREATE INDEX "follow_requests_address" ON "follow_requests" USING btree ("address_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_followers_confirm_token" ON "report_followers" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "report_followers_unconfirmed" ON "report_followers" USING btree ("created_at") WHERE "report_followers"."confirmed_at" is null;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_public_location" CHECK ("categories"."public_location" in ('exact', 'coarse', 'hidden'));--> statement-breakpoint
-- Written by hand (keep when regenerating): followers from before double opt-in were added when
-- following needed no confirmation; they keep their updates.
UPDATE "report_followers" SET "confirmed_at" = "created_at" WHERE "confirmed_at" IS NULL;
--> statement-breakpoint
-- Written by hand (keep when regenerating): categories that keep descriptions private are about
-- someone's home; the public sees only the area (a 500 m grid cell), never the address.
UPDATE "categories" SET "public_location" = 'coarse' WHERE NOT "public_description";
