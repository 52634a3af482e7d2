CREATE TABLE "incident_reports" (
	"incident_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_reports_incident_id_report_id_pk" PRIMARY KEY("incident_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"category_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"center_lat" double precision NOT NULL,
	"center_lon" double precision NOT NULL,
	"report_count" integer NOT NULL,
	"notice_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "incidents_status" CHECK ("incidents"."status" in ('open', 'noticed', 'dismissed')),
	CONSTRAINT "incidents_closed" CHECK (("incidents"."status" = 'open') = ("incidents"."closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "notice_fanouts" (
	"notice_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"vulnerable_done" boolean DEFAULT false NOT NULL,
	"after_subscriber_id" uuid,
	"targeted" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "notice_fanouts_notice_id_version_pk" PRIMARY KEY("notice_id","version")
);
--> statement-breakpoint
CREATE TABLE "notice_report_links" (
	"notice_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_report_links_notice_id_report_id_pk" PRIMARY KEY("notice_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"address" text,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"location" "point" GENERATED ALWAYS AS (point(lon, lat)) STORED NOT NULL,
	"language" text NOT NULL,
	"email" text,
	"email_confirmed_at" timestamp with time zone,
	"phone" text,
	"phone_confirmed_at" timestamp with time zone,
	"confirm_token_hash" "bytea",
	"sms_code_hash" "bytea",
	"confirm_expires_at" timestamp with time zone,
	"confirm_attempts" integer DEFAULT 0 NOT NULL,
	"source" text DEFAULT 'web' NOT NULL,
	"vulnerable" boolean DEFAULT false NOT NULL,
	"vulnerable_note" text,
	"contact_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "subscribers_contact" CHECK ("subscribers"."email" is not null or "subscribers"."phone" is not null or "subscribers"."unsubscribed_at" is not null),
	CONSTRAINT "subscribers_source" CHECK ("subscribers"."source" in ('web', 'import', 'staff')),
	CONSTRAINT "subscribers_language" CHECK ("subscribers"."language" in ('nb', 'nn', 'en')),
	CONSTRAINT "subscribers_point" CHECK ("subscribers"."lat" between -90 and 90 and "subscribers"."lon" between -180 and 180)
);
--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "notice_types" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "incident_min_reports" integer;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "incident_radius_meters" integer DEFAULT 500 NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "incident_window_minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "notice_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "notice_version" integer;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "subscriber_id" uuid;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_fanouts" ADD CONSTRAINT "notice_fanouts_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_report_links" ADD CONSTRAINT "notice_report_links_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_report_links" ADD CONSTRAINT "notice_report_links_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_reports_report" ON "incident_reports" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "incidents_municipality_status" ON "incidents" USING btree ("kommunenummer","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notice_fanouts_pending" ON "notice_fanouts" USING btree ("created_at") WHERE "notice_fanouts"."finished_at" is null;--> statement-breakpoint
CREATE INDEX "notice_report_links_report" ON "notice_report_links" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "subscribers_location" ON "subscribers" USING gist ("location") WHERE "subscribers"."unsubscribed_at" is null;--> statement-breakpoint
CREATE INDEX "subscribers_municipality_created" ON "subscribers" USING btree ("kommunenummer","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_confirm_token" ON "subscribers" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "messages_notice" ON "messages" USING btree ("notice_id","notice_version") WHERE "messages"."notice_id" is not null;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_incident_rule" CHECK (("categories"."incident_min_reports" is null or "categories"."incident_min_reports" >= 2) and "categories"."incident_radius_meters" > 0 and "categories"."incident_window_minutes" > 0);