CREATE TABLE "email_unsubscribes" (
	"email" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fix_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"outcome" text,
	"comment" text,
	CONSTRAINT "fix_checks_outcome" CHECK ("fix_checks"."outcome" is null or "fix_checks"."outcome" in ('confirmed', 'reopened'))
);
--> statement-breakpoint
CREATE TABLE "message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_key" UNIQUE("kommunenummer","kind","channel","language")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"report_id" uuid,
	"report_event_id" bigint,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"language" text NOT NULL,
	"subject" text,
	"body_text" text NOT NULL,
	"body_html" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_id" text,
	"send_after" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	CONSTRAINT "messages_channel" CHECK ("messages"."channel" in ('email', 'sms')),
	CONSTRAINT "messages_status" CHECK ("messages"."status" in ('queued', 'sent', 'delivered', 'failed', 'outbox'))
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"kommunenummer" char(4) PRIMARY KEY NOT NULL,
	"sms_quiet_from" smallint DEFAULT 21 NOT NULL,
	"sms_quiet_until" smallint DEFAULT 8 NOT NULL,
	"fix_reminder_days" smallint DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_settings_hours" CHECK ("notification_settings"."sms_quiet_from" between 0 and 23 and "notification_settings"."sms_quiet_until" between 0 and 23),
	CONSTRAINT "notification_settings_reminder" CHECK ("notification_settings"."fix_reminder_days" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "staff_notification_prefs" (
	"user_id" uuid NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"new_reports" text DEFAULT 'digest' NOT NULL,
	"acute" boolean DEFAULT true NOT NULL,
	"deadlines" boolean DEFAULT true NOT NULL,
	CONSTRAINT "staff_notification_prefs_user_id_kommunenummer_pk" PRIMARY KEY("user_id","kommunenummer"),
	CONSTRAINT "staff_notification_prefs_new_reports" CHECK ("staff_notification_prefs"."new_reports" in ('off', 'immediate', 'digest'))
);
--> statement-breakpoint
ALTER TABLE "report_events" ADD COLUMN "notified_at" timestamp with time zone;--> statement-breakpoint
-- Events from before notifications existed are not announced after the fact.
UPDATE "report_events" SET "notified_at" = "created_at";--> statement-breakpoint
ALTER TABLE "fix_checks" ADD CONSTRAINT "fix_checks_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notification_prefs" ADD CONSTRAINT "staff_notification_prefs_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notification_prefs" ADD CONSTRAINT "staff_notification_prefs_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fix_checks_token" ON "fix_checks" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "fix_checks_report" ON "fix_checks" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "fix_checks_unanswered" ON "fix_checks" USING btree ("asked_at") WHERE "fix_checks"."answered_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_idempotency" ON "messages" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "messages_municipality_created" ON "messages" USING btree ("kommunenummer","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "messages_due" ON "messages" USING btree ("send_after") WHERE "messages"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "messages_provider" ON "messages" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "messages_report" ON "messages" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_events_to_notify" ON "report_events" USING btree ("id") WHERE "report_events"."public" and "report_events"."notified_at" is null;