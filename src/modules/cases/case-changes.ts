// What every case action shares: lock the report, check the version the staff member saw, change
// the row, and write the change to the report's history with the values before and after. Each
// action runs these inside its own transaction, so a change and its history entry are stored
// together or not at all.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows, type Transaction } from '../../db/client.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError } from '../../shared/errors.ts';
import { isLanguage, type Language } from '../../shared/language.ts';
import { isUuid } from '../../shared/text.ts';
import { reportEvents, reports } from '../reports/schema.ts';
import type { ReportEventKind, ReportStatus } from '../reports/statuses.ts';
import { caseMessages } from './case-messages.ts';

/**
 * The version is updated_at to the microsecond, as PostgreSQL stores it: a JavaScript Date
 * (milliseconds) would make two changes within one millisecond look like the same version.
 */
export const versionSql = sql<string>`to_char(${reports.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const lockedColumns = {
  id: reports.id,
  ref: reports.ref,
  kommunenummer: reports.kommunenummer,
  categoryId: reports.categoryId,
  status: reports.status,
  priority: reports.priority,
  dueAt: reports.dueAt,
  teamId: reports.teamId,
  assigneeId: reports.assigneeId,
  mergedIntoId: reports.mergedIntoId,
  forwardedTo: reports.forwardedTo,
  forwardedToEmail: reports.forwardedToEmail,
  needsCaseHandling: reports.needsCaseHandling,
  address: reports.address,
  lat: reports.lat,
  lon: reports.lon,
  version: versionSql,
};

export type LockedReport = Awaited<ReturnType<typeof lockReports>>[number];

/** Locks the municipality's reports with these ids until the transaction ends, in id order (no deadlocks). */
export async function lockReports(tx: Queryable, kommunenummer: string, ids: readonly string[]) {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return tx
    .select(lockedColumns)
    .from(reports)
    .where(and(inArray(reports.id, valid), eq(reports.kommunenummer, kommunenummer)))
    .orderBy(reports.id)
    .for('update');
}

/** The report, locked; 404 when it does not exist in this municipality. */
export async function lockReport(tx: Queryable, kommunenummer: string, id: string): Promise<LockedReport> {
  const [row] = await lockReports(tx, kommunenummer, [id]);
  if (!row) throw reportNotFound();
  return row;
}

export function reportNotFound(): AppError {
  return new AppError(404, 'report_not_found', caseMessages.reportNotFound());
}

export function conflict(): AppError {
  return new AppError(409, 'conflict', staffMessages.conflict());
}

/**
 * Refuses a change made on a stale view of the report (undefined: the action needs no version),
 * saying who changed it last and when: the field app shows this to a crew whose queued change
 * met a colleague's, so nothing is silently overwritten and they know whom to ask.
 */
export async function checkVersion(
  tx: Queryable,
  report: LockedReport,
  version: string | undefined,
): Promise<void> {
  if (version === undefined) return;
  if (!Number.isNaN(Date.parse(version)) && sameInstant(report.version, version)) return;
  throw await staleVersion(tx, report);
}

async function staleVersion(tx: Queryable, report: LockedReport): Promise<AppError> {
  const [last] = await queryRows<{ name: string | null }>(
    tx,
    sql`select u.name from report_events e left join staff_users u on u.id::text = e.actor
      where e.report_id = ${report.id}::uuid order by e.id desc limit 1`,
  );
  const at = new Date(report.version);
  return new AppError(409, 'conflict', caseMessages.changedMeanwhile(last?.name ?? null, at), [
    { field: 'version', code: 'stale', message: caseMessages.currentVersion(report.version) },
  ]);
}

function sameInstant(stored: string, sent: string): boolean {
  // Compare to the microsecond: "…12.345600Z" and "…12.3456Z" are the same moment.
  const micros = (iso: string) => {
    const match = /^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)$/.exec(iso);
    if (!match) return Number.NaN;
    const [, base = '', fraction = '', zone = ''] = match;
    const seconds = Date.parse(`${base}${zone}`);
    return seconds * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6));
  };
  return micros(stored) === micros(sent);
}

type ReportChanges = Partial<
  Pick<
    typeof reports.$inferInsert,
    | 'status'
    | 'priority'
    | 'dueAt'
    | 'teamId'
    | 'assigneeId'
    | 'mergedIntoId'
    | 'forwardedTo'
    | 'forwardedToEmail'
    | 'needsCaseHandling'
    | 'categoryId'
    | 'address'
    | 'lat'
    | 'lon'
  >
> & { firstPublicReply?: boolean; done?: boolean };

/**
 * Applies the changes, only if the row is still the version that was read (optimistic
 * concurrency: 0 rows means someone else got there first). updated_at always moves forward, even
 * when the transaction started before the last change, so every change makes a new version.
 */
export async function updateReport(tx: Queryable, report: LockedReport, changes: ReportChanges) {
  const { firstPublicReply, done, ...columns } = changes;
  const updated = await tx
    .update(reports)
    .set({
      ...columns,
      ...(firstPublicReply
        ? { firstPublicReplyAt: sql`coalesce(${reports.firstPublicReplyAt}, now())` }
        : {}),
      ...(done ? { doneAt: sql`coalesce(${reports.doneAt}, now())` } : {}),
      updatedAt: sql`greatest(now(), ${reports.updatedAt} + interval '1 microsecond')`,
    })
    .where(and(eq(reports.id, report.id), sql`${reports.updatedAt} = ${report.version}::timestamptz`))
    .returning({ id: reports.id });
  if (updated.length === 0) throw conflict();
}

export interface CaseEvent {
  kind: ReportEventKind;
  /** True only for what the resident's tracking page may show. */
  public: boolean;
  status?: ReportStatus | null;
  message?: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export async function addEvent(tx: Queryable, reportId: string, actorId: string, event: CaseEvent) {
  const details =
    event.before || event.after ? { before: event.before ?? {}, after: event.after ?? {} } : null;
  await tx.insert(reportEvents).values({
    reportId,
    kind: event.kind,
    public: event.public,
    status: event.status ?? null,
    message: event.message ?? null,
    actor: actorId,
    details,
  });
}

/** Who acts, where: every case action takes this. */
export interface CaseActor {
  userId: string;
  kommunenummer: string;
}

/** Runs one case action in its own transaction. */
export function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/**
 * The language public texts about this report are written in: the reporter's, else the
 * municipality's own.
 */
export async function reporterLanguage(db: Queryable, reportId: string): Promise<Language> {
  const [row] = await queryRows<{ language: string }>(
    db,
    sql`select coalesce(c.language, m.default_language) as language
      from reports r join municipalities m on m.kommunenummer = r.kommunenummer
      left join report_contacts c on c.report_id = r.id
      where r.id = ${reportId}::uuid`,
  );
  return isLanguage(row?.language) ? row.language : 'nb';
}
