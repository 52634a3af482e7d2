// A report came in (its `received` history entry, read by the relay): tell its team. An acute report goes at once to
// everyone in the team who keeps acute alerts on; any report goes at once to those who chose
// "immediate" for new reports (an acute one only to those who did not just get the acute email).
// The digest covers the rest the next morning. Reports without a team reach nobody here, and
// neither do reports received more than 6 hours before the relay came to them.
import type { Queryable } from '../../db/client.ts';
import { webText } from '../../i18n/web.ts';
import { localize } from '../../shared/language.ts';
import {
  loadStaffReports,
  recipientsOfTeams,
  type StaffRecipient,
  type StaffReportFacts,
} from './staff-alert-queries.ts';
import { caseLink, STAFF_ALERT_TEXT, type StaffReportLine } from './staff-alert-texts.ts';
import {
  queueStaffEmails,
  type StaffEmail,
  type StaffEmailDeps,
  staffEmailBody,
} from './staff-message-store.ts';

export interface StaffAlertDeps extends StaffEmailDeps {
  publicUrl: string;
}

export function reportLine(
  publicUrl: string,
  report: StaffReportFacts,
  language: 'nb' | 'nn' | 'en',
): StaffReportLine {
  return {
    ref: report.ref,
    category: localize(report.category_name, language),
    address: report.address,
    team: report.team_name ?? '',
    acute: report.acute,
    link: caseLink(publicUrl, report.kommunenummer, report.id),
  };
}

export function staffFooter(
  publicUrl: string,
  report: Pick<StaffReportFacts, 'municipality_name'>,
  language: 'nb' | 'nn' | 'en',
): string {
  return STAFF_ALERT_TEXT[language].footer(
    webText(language).layout.municipality(report.municipality_name),
    `${publicUrl}/admin/`,
  );
}

export async function notifyStaffOfNewReport(deps: StaffAlertDeps, reportId: string): Promise<number> {
  return queueStaffEmails(deps, await newReportEmails(deps.db, deps.publicUrl, reportId));
}

/** The emails the team gets about a new report (read in the caller's transaction). */
export async function newReportEmails(
  db: Queryable,
  publicUrl: string,
  reportId: string,
): Promise<StaffEmail[]> {
  return newReportEmailsFor(db, publicUrl, [reportId]);
}

/**
 * The team emails of several new reports, read with two statements whatever their number: the
 * relay alerts each batch's new reports together, in its own transaction.
 */
export async function newReportEmailsFor(
  db: Queryable,
  publicUrl: string,
  reportIds: readonly string[],
): Promise<StaffEmail[]> {
  // A job that waited for hours (the queue's backlog when this worker first starts, or a long
  // outage) is no longer news; the morning digest lists the report anyway.
  const reports = (await loadStaffReports(db, reportIds)).filter(
    (report): report is StaffReportFacts & { team_id: string } => report.team_id !== null && !report.stale,
  );
  const teamKey = (kommunenummer: string, teamId: string) => `${kommunenummer}:${teamId}`;
  const teams = new Map(
    reports.map((r) => [
      teamKey(r.kommunenummer, r.team_id),
      { kommunenummer: r.kommunenummer, teamId: r.team_id },
    ]),
  );
  const recipientsByTeam = new Map<string, StaffRecipient[]>();
  for (const person of await recipientsOfTeams(db, [...teams.values()])) {
    const key = teamKey(person.kommunenummer, person.team_id);
    const team = recipientsByTeam.get(key);
    if (team) team.push(person);
    else recipientsByTeam.set(key, [person]);
  }
  return reports.flatMap((report) =>
    emailsAbout(publicUrl, report, recipientsByTeam.get(teamKey(report.kommunenummer, report.team_id)) ?? []),
  );
}

function emailsAbout(
  publicUrl: string,
  report: StaffReportFacts,
  recipients: StaffRecipient[],
): StaffEmail[] {
  const emails: StaffEmail[] = [];
  for (const person of recipients) {
    const acute = report.acute && person.acute;
    if (!acute && person.new_reports !== 'immediate') continue;
    const text = STAFF_ALERT_TEXT[person.language];
    const line = reportLine(publicUrl, report, person.language);
    const { subject, body } = acute ? text.acute(line) : text.newReport(line);
    emails.push({
      kommunenummer: report.kommunenummer,
      idempotencyKey: `${acute ? 'staff_acute' : 'staff_new'}:${report.id}:${person.user_id}`,
      kind: acute ? 'staff_acute' : 'staff_new_report',
      reportId: report.id,
      recipient: person.email,
      language: person.language,
      subject,
      ...staffEmailBody(person.language, subject, body, staffFooter(publicUrl, report, person.language)),
    });
  }
  return emails;
}
