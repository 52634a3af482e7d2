// Telling staff about an incident, in the transaction that raised or grew it: a notification on
// the live change feed's channel (the screens of the municipality show it within a moment; sent
// at commit, so never about an incident that was rolled back), and — when it is new — an email to
// the on-call team: the members of the category's team who take acute alerts at once (their
// "acute" preference, on by default). The emails' idempotency key (incident × person) makes them once.
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { queryRows, type Transaction } from '../../db/client.ts';
import { type LocalizedText, localize } from '../../shared/language.ts';
import { type IncidentChange, REPORT_CHANGES_CHANNEL } from '../cases/report-change-feed.ts';
import { staffFooter } from '../notifications/notify-staff-new-report.ts';
import { teamRecipients } from '../notifications/staff-alert-queries.ts';
import { type StaffEmail, staffEmailBody, storeStaffEmails } from '../notifications/staff-message-store.ts';
import type { IncidentOutcome } from './detect-incident.ts';
import { incidentEmail } from './incident-texts.ts';

export interface AnnounceDeps {
  boss: PgBoss;
  publicUrl: string;
  emailConfigured: boolean;
}

export function incidentLink(publicUrl: string, kommunenummer: string, id: string): string {
  return `${publicUrl}/admin/m/${kommunenummer}/incidents/${id}`;
}

/**
 * Tells the municipality's open screens that an incident changed (raised, grown, dismissed, made a
 * notice): at commit, on the live change feed's channel, so every inbox's panel reads it again.
 */
export async function broadcastIncidentChange(
  tx: Transaction,
  change: Omit<IncidentChange, 'op'>,
): Promise<void> {
  const payload: IncidentChange = { op: 'incident', ...change };
  await tx.execute(sql`select pg_notify(${REPORT_CHANGES_CHANNEL}, ${JSON.stringify([payload])})`);
}

export async function announceIncident(
  tx: Transaction,
  deps: AnnounceDeps,
  outcome: IncidentOutcome,
): Promise<void> {
  await broadcastIncidentChange(tx, {
    id: outcome.incidentId,
    kommunenummer: outcome.kommunenummer,
    status: 'open',
    reportCount: outcome.reportCount,
  });
  if (!outcome.created) return;
  const [facts] = await queryRows<{
    category_name: LocalizedText;
    team_id: string | null;
    radius: number;
    window_minutes: number;
    municipality_name: string;
  }>(
    tx,
    sql`select c.name as category_name, c.default_team_id as team_id, c.incident_radius_meters as radius,
               c.incident_window_minutes as window_minutes, m.name as municipality_name
          from incidents i join categories c on c.id = i.category_id
          join municipalities m on m.kommunenummer = i.kommunenummer
         where i.id = ${outcome.incidentId}`,
  );
  if (!facts?.team_id) return;
  const refs = await queryRows<{ ref: string }>(
    tx,
    sql`select r.ref from incident_reports ir join reports r on r.id = ir.report_id
         where ir.incident_id = ${outcome.incidentId} order by r.created_at`,
  );
  const recipients = await teamRecipients(tx, outcome.kommunenummer, facts.team_id);
  const emails: StaffEmail[] = recipients
    .filter((person) => person.acute)
    .map((person) => {
      const { subject, body } = incidentEmail(person.language, {
        category: localize(facts.category_name, person.language),
        count: outcome.reportCount,
        radius: facts.radius,
        windowMinutes: facts.window_minutes,
        link: incidentLink(deps.publicUrl, outcome.kommunenummer, outcome.incidentId),
        refs: refs.map((r) => r.ref),
      });
      return {
        kommunenummer: outcome.kommunenummer,
        idempotencyKey: `staff_incident:${outcome.incidentId}:${person.user_id}`,
        kind: 'staff_incident',
        reportId: null,
        recipient: person.email,
        language: person.language,
        subject,
        ...staffEmailBody(
          person.language,
          subject,
          body,
          staffFooter(deps.publicUrl, { municipality_name: facts.municipality_name }, person.language),
        ),
      };
    });
  await storeStaffEmails(tx, { boss: deps.boss, emailConfigured: deps.emailConfigured }, emails);
}
