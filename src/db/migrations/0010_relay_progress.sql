CREATE TABLE "notification_relay_progress" (
	"report_event_id" bigint PRIMARY KEY NOT NULL,
	"after_follower_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_relay_progress" ADD CONSTRAINT "notification_relay_progress_report_event_id_report_events_id_fk" FOREIGN KEY ("report_event_id") REFERENCES "public"."report_events"("id") ON DELETE cascade ON UPDATE no action;