DROP INDEX "messages_provider";--> statement-breakpoint
DROP INDEX "messages_report";--> statement-breakpoint
CREATE INDEX "messages_provider" ON "messages" USING btree ("provider_id") WHERE "messages"."provider_id" is not null;--> statement-breakpoint
CREATE INDEX "messages_report" ON "messages" USING btree ("report_id") WHERE "messages"."report_id" is not null;