-- Report changes are no longer announced from inside the transaction that makes them: a
-- transaction that calls pg_notify takes a database-wide lock at commit, so every report commit
-- waited for the one before it. The worker now reads new report_events and sends one NOTIFY per
-- batch (src/modules/cases/report-change-announcer.ts).
DROP TRIGGER IF EXISTS reports_notify_change ON reports;
--> statement-breakpoint
DROP FUNCTION IF EXISTS notify_report_change();
