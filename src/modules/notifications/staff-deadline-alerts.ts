// Hourly: open reports due within 24 hours, and reports whose deadline has passed, each announced
// once per team member (and per kind) to those who keep deadline emails on. The query leaves out
// what was already sent; the idempotency key makes a concurrent second run harmless.
import { STATUS_INFO } from '../reports/statuses.ts';
import { reportLine, type StaffAlertDeps, staffFooter } from './notify-staff-new-report.ts';
import { pendingDeadlineAlerts } from './staff-alert-queries.ts';
import { osloTime, STAFF_ALERT_TEXT } from './staff-alert-texts.ts';
import { queueStaffEmails, type StaffEmail, staffEmailBody } from './staff-message-store.ts';

const BATCH = 1000;

export async function sendDeadlineAlerts(deps: StaffAlertDeps, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await pendingDeadlineAlerts(deps.db, now, BATCH);
    const emails: StaffEmail[] = rows.map((row) => {
      const language = row.language;
      const text = STAFF_ALERT_TEXT[language];
      const line = reportLine(deps.publicUrl, row, language);
      const due = osloTime(new Date(row.due_at ?? now), language);
      const { subject, body } =
        row.kind === 'overdue'
          ? text.overdue(line, due, STATUS_INFO[row.status].label[language])
          : text.dueSoon(line, due);
      return {
        kommunenummer: row.kommunenummer,
        idempotencyKey: `staff_${row.kind}:${row.id}:${row.user_id}`,
        kind: `staff_${row.kind}`,
        reportId: row.id,
        recipient: row.email,
        language,
        subject,
        ...staffEmailBody(language, subject, body, staffFooter(deps.publicUrl, row, language)),
      };
    });
    const added = await queueStaffEmails(deps, emails);
    total += added;
    // A full batch where nothing was new would loop for ever; the next hour picks up the rest.
    if (rows.length < BATCH || added === 0) return total;
  }
}
