// The reporter's answer to "is it really fixed?". Each answer is taken once: the check is locked
// and an answered one is left as it is (a second click, or a second tab, changes nothing and
// shows the answer already given).
//
// Confirmed: recorded, with an internal 'fix_confirmed' history entry; nobody is told.
// Reopened: the report goes back to under_behandling, with a public, neutral 'reopened' entry
// (the followers hear of it through the relay) and an internal 'reopen_comment' entry holding the
// resident's own words, which may name people or places and so are never public. The photo joins
// the report's photos. The team (and the assignee) get an email with a link to the case.
// done_at is kept: it is when work was first marked done, which the dashboard's "time to done"
// measures, and a second utfort keeps it too (coalesce) — the reopening is in the history.
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { type Database, queryRows, type Transaction } from '../../db/client.ts';
import type { PhotoStorage } from '../photos/storage.ts';
import { withStoredPhotos } from '../photos/store-photo.ts';
import type { StoredPhoto } from '../reports/insert-received-report.ts';
import { reportEvents } from '../reports/schema.ts';
import { OPEN_STATUSES, type ReportStatus } from '../reports/statuses.ts';
import type { FixCheckView } from './find-fix-check.ts';
import { fixCheckMessages } from './fix-check-texts.ts';
import { notifyTeamOfReopen } from './notify-team-of-reopen.ts';

export type AnswerOutcome = { result: 'answered' } | { result: 'already' };

/** Thrown inside the transaction when another request answered first: rolls back, removes the photo. */
class AlreadyAnswered extends Error {}

async function lockUnanswered(tx: Transaction, checkId: string): Promise<void> {
  const [row] = await queryRows<{ answered_at: Date | null }>(
    tx,
    sql`select answered_at from fix_checks where id = ${checkId}::uuid for update`,
  );
  if (!row || row.answered_at !== null) throw new AlreadyAnswered();
}

async function once(work: () => Promise<void>): Promise<AnswerOutcome> {
  try {
    await work();
    return { result: 'answered' };
  } catch (error) {
    if (error instanceof AlreadyAnswered) return { result: 'already' };
    throw error;
  }
}

export async function confirmFix(db: Database, check: FixCheckView): Promise<AnswerOutcome> {
  if (check.answeredAt) return { result: 'already' };
  return once(() =>
    db.transaction(async (tx) => {
      await lockUnanswered(tx, check.id);
      await tx.execute(
        sql`update fix_checks set outcome = 'confirmed', answered_at = now() where id = ${check.id}::uuid`,
      );
      await tx.insert(reportEvents).values({
        reportId: check.reportId,
        kind: 'fix_confirmed',
        public: false,
        actor: 'reporter',
      });
    }),
  );
}

export interface ReopenDeps {
  db: Database;
  boss: PgBoss;
  photos: PhotoStorage;
  publicUrl: string;
  /** Whether an SMTP server is configured (else the team's emails go to the outbox). */
  emailConfigured: boolean;
}

export async function reopenFix(
  deps: ReopenDeps,
  check: FixCheckView,
  answer: { comment: string; photo?: string | undefined },
): Promise<AnswerOutcome> {
  // Before the costly photo processing; the lock below is the check that holds.
  if (check.answeredAt) return { result: 'already' };
  return once(() =>
    withStoredPhotos(deps.photos, answer.photo ? [answer.photo] : [], (stored) =>
      deps.db.transaction(async (tx) => {
        await lockUnanswered(tx, check.id);
        await reopen(tx, check, answer.comment, stored[0]);
        await notifyTeamOfReopen(tx, deps, check);
      }),
    ),
  );
}

async function reopen(
  tx: Transaction,
  check: FixCheckView,
  comment: string,
  photo: StoredPhoto | undefined,
): Promise<void> {
  await tx.execute(
    sql`update fix_checks set outcome = 'reopened', answered_at = now(), comment = ${comment}
         where id = ${check.id}::uuid`,
  );
  const [report] = await queryRows<{ status: ReportStatus }>(
    tx,
    sql`select status from reports where id = ${check.reportId}::uuid for update`,
  );
  if (!report) throw new AlreadyAnswered();
  // A report staff already took up again keeps its open status (planlagt stays planned).
  const status: ReportStatus = OPEN_STATUSES.includes(report.status) ? report.status : 'under_behandling';
  await tx.execute(
    sql`update reports set status = ${status},
          updated_at = greatest(now(), updated_at + interval '1 microsecond')
         where id = ${check.reportId}::uuid`,
  );
  let photoId: string | null = null;
  if (photo) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into report_photos (report_id, storage_key, width, height, bytes, position)
          values (${check.reportId}::uuid, ${photo.storageKey}, ${photo.width}, ${photo.height}, ${photo.bytes},
            (select coalesce(max(position) + 1, 0) from report_photos where report_id = ${check.reportId}::uuid))
          returning id`,
    );
    photoId = row?.id ?? null;
  }
  await tx.insert(reportEvents).values([
    {
      reportId: check.reportId,
      kind: 'reopened',
      public: true,
      status,
      // In the municipality's own language, like the case handlers' public texts.
      message: fixCheckMessages.reopenedEvent()[check.municipality.defaultLanguage],
      actor: 'reporter',
      details: { before: { status: report.status }, after: { status } },
    },
    {
      reportId: check.reportId,
      kind: 'reopen_comment',
      public: false,
      message: comment,
      actor: 'reporter',
      details: photoId ? { before: {}, after: { photoId } } : null,
    },
  ]);
}
