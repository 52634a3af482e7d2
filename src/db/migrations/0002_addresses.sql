CREATE TABLE "addresses" (
	"id" text PRIMARY KEY NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"adressetekst" text NOT NULL,
	"postnummer" text DEFAULT '' NOT NULL,
	"poststed" text DEFAULT '' NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(adressetekst)) STORED NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "addresses_prefix_idx" ON "addresses" USING btree ("kommunenummer","search_text" text_pattern_ops);