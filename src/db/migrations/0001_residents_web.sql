CREATE TABLE "report_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid,
	"draft_id" uuid,
	"storage_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_photos_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "report_photos_owner" CHECK ("report_photos"."report_id" is not null or "report_photos"."draft_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "report_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"label" jsonb NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"address" text,
	"asset_ref" text,
	"suggested_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"scan_count" integer DEFAULT 0 NOT NULL,
	"last_scanned_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_links_code_unique" UNIQUE("code"),
	CONSTRAINT "report_links_code_format" CHECK ("report_links"."code" ~ '^[A-Za-z0-9_-]{3,40}$'),
	CONSTRAINT "report_links_point_complete" CHECK (("report_links"."lat" is null) = ("report_links"."lon" is null))
);
--> statement-breakpoint
CREATE TABLE "report_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"data" jsonb NOT NULL,
	"sending_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_followers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"email" text,
	"phone" text,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_followers_reachable" CHECK ("report_followers"."email" is not null or "report_followers"."phone" is not null)
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "nearby_radius_meters" integer DEFAULT 300 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "asset_ref" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "report_link_id" uuid;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "brand_color" text DEFAULT '#005a8c' NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "logo_url" text;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_draft_id_report_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."report_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_links" ADD CONSTRAINT "report_links_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_followers" ADD CONSTRAINT "report_followers_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_photos_report" ON "report_photos" USING btree ("report_id","position");--> statement-breakpoint
CREATE INDEX "report_photos_draft" ON "report_photos" USING btree ("draft_id","position");--> statement-breakpoint
CREATE INDEX "report_drafts_updated" ON "report_drafts" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_followers_email" ON "report_followers" USING btree ("report_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "report_followers_phone" ON "report_followers" USING btree ("report_id","phone");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_report_link_id_report_links_id_fk" FOREIGN KEY ("report_link_id") REFERENCES "public"."report_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_brand_color" CHECK ("municipalities"."brand_color" ~ '^#[0-9a-fA-F]{6}$');