CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"group_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"help" jsonb,
	"acute" boolean DEFAULT false NOT NULL,
	"contact_required" boolean DEFAULT false NOT NULL,
	"public_description" boolean DEFAULT true NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_team_id" uuid,
	"deadline_hours" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_municipality_code" UNIQUE("kommunenummer","code"),
	CONSTRAINT "categories_code_format" CHECK ("categories"."code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "categories_deadline_positive" CHECK ("categories"."deadline_hours" is null or "categories"."deadline_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "category_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "category_groups_municipality_code" UNIQUE("kommunenummer","code")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key_hash" "bytea" PRIMARY KEY NOT NULL,
	"request_hash" "bytea" NOT NULL,
	"report_id" uuid NOT NULL,
	"tracking_token_sealed" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_contacts" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"notify" text DEFAULT 'none' NOT NULL,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"public" boolean NOT NULL,
	"status" text,
	"message" text,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"category_id" uuid NOT NULL,
	"status" text DEFAULT 'mottatt' NOT NULL,
	"channel" text NOT NULL,
	"acute" boolean DEFAULT false NOT NULL,
	"description" text NOT NULL,
	"address" text,
	"lat" double precision,
	"lon" double precision,
	"location" "point" GENERATED ALWAYS AS (case when lon is not null and lat is not null then point(lon, lat) end) STORED,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tracking_token_hash" "bytea" NOT NULL,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_ref_unique" UNIQUE("ref"),
	CONSTRAINT "reports_lat_range" CHECK ("reports"."lat" is null or ("reports"."lat" between -90 and 90)),
	CONSTRAINT "reports_lon_range" CHECK ("reports"."lon" is null or ("reports"."lon" between -180 and 180)),
	CONSTRAINT "reports_point_complete" CHECK (("reports"."lat" is null) = ("reports"."lon" is null)),
	CONSTRAINT "reports_has_place" CHECK ("reports"."lat" is not null or "reports"."address" is not null),
	CONSTRAINT "reports_description_length" CHECK (char_length("reports"."description") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"kommunenummer" char(4) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"default_language" text NOT NULL,
	"languages" text[] NOT NULL,
	"on_call_phone" text,
	"contact_email" text,
	"enabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug"),
	CONSTRAINT "municipalities_kommunenummer_format" CHECK ("municipalities"."kommunenummer" ~ '^[0-9]{4}$'),
	CONSTRAINT "municipalities_slug_format" CHECK ("municipalities"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "municipalities_default_language" CHECK ("municipalities"."default_language" in ('nb', 'nn'))
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_municipality_code" UNIQUE("kommunenummer","code")
);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_group_id_category_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."category_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_default_team_id_teams_id_fk" FOREIGN KEY ("default_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_groups" ADD CONSTRAINT "category_groups_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_contacts" ADD CONSTRAINT "report_contacts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "categories_group" ON "categories" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "report_events_report" ON "report_events" USING btree ("report_id","id");--> statement-breakpoint
CREATE INDEX "reports_location" ON "reports" USING gist ("location");--> statement-breakpoint
CREATE INDEX "reports_municipality_created" ON "reports" USING btree ("kommunenummer","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_created" ON "reports" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);