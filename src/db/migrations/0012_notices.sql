CREATE TABLE "notice_versions" (
	"notice_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"areas" jsonb NOT NULL,
	"min_lat" double precision NOT NULL,
	"min_lon" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"max_lon" double precision NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expected_end_at" timestamp with time zone,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_versions_notice_id_version_pk" PRIMARY KEY("notice_id","version"),
	CONSTRAINT "notice_versions_status" CHECK ("notice_versions"."status" in ('draft', 'published', 'ended')),
	CONSTRAINT "notice_versions_bbox" CHECK ("notice_versions"."min_lat" <= "notice_versions"."max_lat" and "notice_versions"."min_lon" <= "notice_versions"."max_lon")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expected_end_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_type" CHECK ("notices"."type" in ('planned_shutoff', 'unplanned_shutoff', 'flushing', 'boil_water', 'boil_water_lifted', 'roadworks', 'other')),
	CONSTRAINT "notices_status" CHECK ("notices"."status" in ('draft', 'published', 'ended')),
	CONSTRAINT "notices_ended" CHECK (("notices"."status" = 'ended') = ("notices"."ended_at" is not null)),
	CONSTRAINT "notices_version_positive" CHECK ("notices"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "notice_versions" ADD CONSTRAINT "notice_versions_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notices_municipality_status" ON "notices" USING btree ("kommunenummer","status","starts_at");--> statement-breakpoint
CREATE INDEX "notices_municipality_updated" ON "notices" USING btree ("kommunenummer","updated_at" DESC NULLS LAST);