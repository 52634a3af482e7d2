// The morning digest (07:00 Oslo): one email per staff member and municipality listing the
// reports their teams received the day before, for those who chose "digest" for new reports.
// Nothing is sent when there was nothing; the key staff_digest:{user}:{municipality}:{day}
// (day = the Oslo date the digest covers) makes it once a day however often the job runs.
import { webText } from '../../i18n/web.ts';
import { localize } from '../../shared/language.ts';
import { type StaffAlertDeps, staffFooter } from './notify-staff-new-report.ts';
import { type DigestRow, pendingDigestRows } from './staff-alert-queries.ts';
import { caseLink, osloDate, osloDay, STAFF_ALERT_TEXT } from './staff-alert-texts.ts';
import { queueStaffEmails, type StaffEmail, staffEmailBody } from './staff-message-store.ts';

/** The Oslo date before the one `now` falls on. */
export function previousOsloDay(now: Date): string {
  const today = osloDate(now);
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export async function sendStaffDigests(deps: StaffAlertDeps, now = new Date()): Promise<number> {
  const day = previousOsloDay(now);
  const rows = await pendingDigestRows(deps.db, day);
  const groups = new Map<string, DigestRow[]>();
  for (const row of rows) {
    const key = `${row.user_id}:${row.kommunenummer}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const emails: StaffEmail[] = [];
  for (const [key, reports] of groups) {
    const first = reports[0];
    if (!first) continue;
    const language = first.language;
    const text = STAFF_ALERT_TEXT[language];
    const municipality = webText(language).layout.municipality(first.municipality_name);
    const { subject, intro } = text.digest(reports.length, osloDay(day, language), municipality);
    const list = reports
      .map((r) => {
        const mark = r.acute ? `${text.acuteMark}: ` : '';
        const place = r.address ?? text.noAddress;
        const team = r.team_name ? ` (${r.team_name})` : '';
        return `- ${mark}${r.ref} ${localize(r.category_name, language)}, ${place}${team}\n  ${caseLink(deps.publicUrl, r.kommunenummer, r.id)}`;
      })
      .join('\n');
    emails.push({
      kommunenummer: first.kommunenummer,
      idempotencyKey: `staff_digest:${key}:${day}`,
      kind: 'staff_digest',
      reportId: null,
      recipient: first.email,
      language,
      subject,
      ...staffEmailBody(language, subject, [intro, list], staffFooter(deps.publicUrl, first, language)),
    });
  }
  return queueStaffEmails(deps, emails);
}
