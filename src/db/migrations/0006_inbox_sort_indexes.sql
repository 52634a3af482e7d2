-- Indexes measured with bench/inbox.ts on 1,000,000 reports (see docs/operations.md). Written by
-- hand because they are on expressions with explicit null ordering, which the inbox's ORDER BY
-- must match exactly for PostgreSQL to walk the index instead of sorting every matching row.

-- Open reports by deadline (sort=due); reports without a deadline last.
CREATE INDEX IF NOT EXISTS "reports_inbox_due" ON "reports"
  ("kommunenummer", coalesce("due_at", 'infinity'::timestamptz) ASC NULLS FIRST, "id" ASC NULLS FIRST)
  WHERE "status" IN ('mottatt', 'under_behandling', 'planlagt');
--> statement-breakpoint
-- Most urgent first (sort=-priority).
CREATE INDEX IF NOT EXISTS "reports_inbox_priority" ON "reports"
  ("kommunenummer", (CASE "priority" WHEN 'hoy' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END) DESC NULLS LAST,
   "created_at" DESC NULLS LAST, "id" DESC NULLS LAST);
--> statement-breakpoint
-- Recently changed first (sort=-updated).
CREATE INDEX IF NOT EXISTS "reports_inbox_updated" ON "reports"
  ("kommunenummer", "updated_at" DESC NULLS LAST, "id" DESC NULLS LAST);
--> statement-breakpoint
-- The dashboard's "done per week" and time-to-done figures.
CREATE INDEX IF NOT EXISTS "reports_done" ON "reports" ("kommunenummer", "done_at") WHERE "done_at" IS NOT NULL;
--> statement-breakpoint
-- The front desk's "earlier reports from this caller".
CREATE INDEX IF NOT EXISTS "report_contacts_phone" ON "report_contacts" ("phone") WHERE "phone" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "report_contacts_email" ON "report_contacts" ("email") WHERE "email" IS NOT NULL;
