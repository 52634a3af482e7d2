// Front desk: "has this caller reported before?" The caller's earlier reports in this
// municipality, found by the phone number or email address they left, newest first. Looking up a
// person is a use of personal data, so every lookup is written to the audit log, with what was
// searched by and how many reports were found, but not the number or address itself.
import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { normalizePhone } from '../reports/contact.ts';
import type { ReportStatus } from '../reports/statuses.ts';
import { frontDeskMessages } from './front-desk-messages.ts';

export const CALLER_REPORTS_LIMIT = 20;

export interface CallerReport {
  id: string;
  ref: string;
  status: ReportStatus;
  category: { id: string; name: string };
  createdAt: string;
  address: string | null;
}

interface CallerReportRow {
  id: string;
  ref: string;
  status: ReportStatus;
  category_id: string;
  category_name: LocalizedText;
  created_at: Date | string;
  address: string | null;
}

/** The same forms intake stores: phone as +47XXXXXXXX, email lower-cased. */
function normalizedCaller(query: { phone?: string | undefined; email?: string | undefined }) {
  const rawPhone = query.phone?.trim() || undefined;
  const email = query.email?.trim().toLowerCase() || undefined;
  if (!rawPhone && !email) {
    const message = frontDeskMessages.phoneOrEmailRequired();
    throw new AppError(400, 'invalid_request', messages.invalidRequest(), [
      { field: 'phone', code: 'required', message },
    ]);
  }
  const phone = rawPhone ? normalizePhone(rawPhone) : undefined;
  if (phone === null) {
    const detail: ErrorDetail = { field: 'phone', code: 'invalid_phone', message: messages.invalidPhone() };
    throw new AppError(400, 'invalid_request', messages.invalidRequest(), [detail]);
  }
  return { phone, email };
}

export async function findCallerReports(
  db: Database,
  query: { kommunenummer: string; phone?: string | undefined; email?: string | undefined },
  actorId: string,
  language: Language,
): Promise<CallerReport[]> {
  const { phone, email } = normalizedCaller(query);
  const matches: SQL[] = [];
  if (phone) matches.push(sql`rc.phone = ${phone}`);
  if (email) matches.push(sql`rc.email = ${email}`);
  return db.transaction(async (tx) => {
    const rows = await queryRows<CallerReportRow>(
      tx,
      sql`select r.id, r.ref, r.status, c.id as category_id, c.name as category_name, r.created_at, r.address
        from reports r
        join report_contacts rc on rc.report_id = r.id
        join categories c on c.id = r.category_id
        where r.kommunenummer = ${query.kommunenummer} and (${sql.join(matches, sql` or `)})
        order by r.created_at desc, r.id desc
        limit ${CALLER_REPORTS_LIMIT}`,
    );
    await recordAudit(tx, {
      kommunenummer: query.kommunenummer,
      actorId,
      action: 'report.caller_lookup',
      entityType: 'municipality',
      entityId: query.kommunenummer,
      after: {
        searchedBy: [...(phone ? ['phone'] : []), ...(email ? ['email'] : [])],
        results: rows.length,
        reportIds: rows.map((r) => r.id),
      },
    });
    return rows.map((row) => ({
      id: row.id,
      ref: row.ref,
      status: row.status,
      category: { id: row.category_id, name: localize(row.category_name, language) },
      createdAt: (row.created_at instanceof Date ? row.created_at : new Date(row.created_at)).toISOString(),
      address: row.address,
    }));
  });
}
