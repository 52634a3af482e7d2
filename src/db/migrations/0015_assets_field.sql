CREATE TABLE "asset_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"started_by" uuid,
	"file_name" text NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"bytes_total" integer,
	"bytes_read" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"rejections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "asset_imports_state" CHECK ("asset_imports"."state" in ('running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "asset_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"suggested_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_types_code" UNIQUE("kommunenummer","code"),
	CONSTRAINT "asset_types_code_format" CHECK ("asset_types"."code" ~ '^[a-z0-9-]{1,40}$')
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"external_id" text NOT NULL,
	"type_id" uuid NOT NULL,
	"name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"location" "point" GENERATED ALWAYS AS (point(lon, lat)) STORED NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_external_id" UNIQUE("kommunenummer","external_id"),
	CONSTRAINT "assets_point" CHECK ("assets"."lat" between -90 and 90 and "assets"."lon" between -180 and 180),
	CONSTRAINT "assets_external_id_length" CHECK (length("assets"."external_id") between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "staff_action_receipts" (
	"user_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_action_receipts_user_id_idempotency_key_pk" PRIMARY KEY("user_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "report_link_scan_days" (
	"link_id" uuid NOT NULL,
	"day" date NOT NULL,
	"scans" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_link_scan_days_link_id_day_pk" PRIMARY KEY("link_id","day")
);
--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "device_name" text;--> statement-breakpoint
ALTER TABLE "report_photos" ADD COLUMN "added_by" uuid;--> statement-breakpoint
ALTER TABLE "report_photos" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report_links" ADD COLUMN "asset_id" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "asset_id" uuid;--> statement-breakpoint
ALTER TABLE "asset_imports" ADD CONSTRAINT "asset_imports_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_imports" ADD CONSTRAINT "asset_imports_started_by_staff_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_types" ADD CONSTRAINT "asset_types_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_type_id_asset_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."asset_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_action_receipts" ADD CONSTRAINT "staff_action_receipts_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_link_scan_days" ADD CONSTRAINT "report_link_scan_days_link_id_report_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."report_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_imports_recent" ON "asset_imports" USING btree ("kommunenummer","started_at");--> statement-breakpoint
CREATE INDEX "assets_type" ON "assets" USING btree ("kommunenummer","type_id");--> statement-breakpoint
CREATE INDEX "assets_location" ON "assets" USING gist ("location");--> statement-breakpoint
CREATE INDEX "staff_action_receipts_created" ON "staff_action_receipts" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_added_by_staff_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_links" ADD CONSTRAINT "report_links_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_asset" ON "reports" USING btree ("asset_id","created_at" DESC NULLS LAST) WHERE "reports"."asset_id" is not null;--> statement-breakpoint
-- Every municipality starts with the common asset types (editable afterwards; new municipalities get them when created).
INSERT INTO "asset_types" ("kommunenummer", "code", "name", "sort_order")
SELECT m."kommunenummer", t.code, t.name::jsonb, t.sort_order
FROM "municipalities" m
CROSS JOIN (VALUES
  ('hydrant', '{"nb":"Brannhydrant","nn":"Brannhydrant","en":"Fire hydrant"}', 10),
  ('kum', '{"nb":"Kum","nn":"Kum","en":"Manhole"}', 20),
  ('pumpestasjon', '{"nb":"Pumpestasjon","nn":"Pumpestasjon","en":"Pumping station"}', 30),
  ('hoydebasseng', '{"nb":"Høydebasseng","nn":"Høgdebasseng","en":"Reservoir"}', 40),
  ('ventil', '{"nb":"Ventil","nn":"Ventil","en":"Valve"}', 50),
  ('tappepost', '{"nb":"Offentlig tappepost","nn":"Offentleg tappepost","en":"Public tap"}', 60),
  ('annet', '{"nb":"Annet","nn":"Anna","en":"Other"}', 90)
) AS t(code, name, sort_order)
ON CONFLICT DO NOTHING;
