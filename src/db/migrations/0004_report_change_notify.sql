-- Reports already received go to their category's default team, as new ones do at intake.
UPDATE reports SET team_id = c.default_team_id FROM categories c WHERE c.id = reports.category_id AND reports.team_id IS NULL;
--> statement-breakpoint
-- Every new or changed report is announced on the channel 'report_changes', so each server
-- process can push it to the staff screens it serves (Server-Sent Events), whichever process
-- took the report. The payload is small and holds no personal data.
CREATE FUNCTION notify_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('report_changes', json_build_object(
    'op', lower(TG_OP), 'id', NEW.id, 'ref', NEW.ref, 'kommunenummer', NEW.kommunenummer,
    'status', NEW.status)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_notify_change AFTER INSERT OR UPDATE ON reports
  FOR EACH ROW EXECUTE FUNCTION notify_report_change();
