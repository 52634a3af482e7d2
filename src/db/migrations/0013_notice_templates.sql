CREATE TABLE "notice_templates" (
	"kommunenummer" char(4) NOT NULL,
	"type" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_templates_kommunenummer_type_pk" PRIMARY KEY("kommunenummer","type"),
	CONSTRAINT "notice_templates_type" CHECK ("notice_templates"."type" in ('planned_shutoff', 'unplanned_shutoff', 'flushing', 'boil_water', 'boil_water_lifted', 'roadworks', 'other'))
);
--> statement-breakpoint
ALTER TABLE "notice_templates" ADD CONSTRAINT "notice_templates_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;