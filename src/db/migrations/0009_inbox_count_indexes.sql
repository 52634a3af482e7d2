CREATE INDEX "reports_counts_team" ON "reports" USING btree ("kommunenummer","team_id","status","created_at");--> statement-breakpoint
CREATE INDEX "reports_counts_assignee" ON "reports" USING btree ("kommunenummer","assignee_id","status","created_at");--> statement-breakpoint
CREATE INDEX "reports_counts_category" ON "reports" USING btree ("kommunenummer","category_id","status","created_at");