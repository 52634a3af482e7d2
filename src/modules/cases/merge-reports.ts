// Merges duplicates into one primary report. The primary stays as it is; each duplicate becomes
// `duplikat`, points to the primary, and tells its resident so. Its reporter and followers are
// copied into the primary's followers, so whoever sends the primary's updates reaches them
// without having to know about merges.
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import {
  addEvent,
  type CaseActor,
  checkVersion,
  type LockedReport,
  lockReports,
  reporterLanguage,
  reportNotFound,
  updateReport,
} from './case-changes.ts';
import { caseMessages } from './case-messages.ts';

export async function mergeReports(
  db: Database,
  actor: CaseActor,
  primaryId: string,
  merge: { duplicateIds: string[]; version: string },
): Promise<void> {
  const duplicateIds = [...new Set(merge.duplicateIds)];
  if (duplicateIds.includes(primaryId)) {
    throw new AppError(400, 'merge_into_itself', caseMessages.mergeIntoItself());
  }
  await db.transaction(async (tx) => {
    const locked = await lockReports(tx, actor.kommunenummer, [primaryId, ...duplicateIds]);
    const primary = locked.find((r) => r.id === primaryId);
    if (!primary) throw reportNotFound();
    await checkVersion(tx, primary, merge.version);
    if (primary.mergedIntoId !== null)
      throw new AppError(409, 'primary_merged', caseMessages.primaryIsMerged());
    const duplicates: LockedReport[] = [];
    for (const id of duplicateIds) {
      const duplicate = locked.find((r) => r.id === id);
      // Another municipality's report answers as if it did not exist.
      if (!duplicate) throw new AppError(400, 'duplicate_not_found', caseMessages.mergeOtherMunicipality(id));
      if (duplicate.mergedIntoId !== null) {
        throw new AppError(409, 'already_merged', caseMessages.alreadyMerged(duplicate.ref));
      }
      duplicates.push(duplicate);
    }
    for (const duplicate of duplicates) {
      const language = await reporterLanguage(tx, duplicate.id);
      await updateReport(tx, duplicate, { status: 'duplikat', mergedIntoId: primary.id });
      await addEvent(tx, duplicate.id, actor.userId, {
        kind: 'merged_into',
        public: true,
        status: 'duplikat',
        message: caseMessages.mergedWith(primary.ref)[language],
        before: { status: duplicate.status, mergedIntoId: null },
        after: { status: 'duplikat', mergedIntoId: primary.id, mergedIntoRef: primary.ref },
      });
      const moved = await copyFollowers(tx, duplicate.id, primary.id);
      await addEvent(tx, primary.id, actor.userId, {
        kind: 'merged',
        public: false,
        before: {},
        after: { duplicateId: duplicate.id, duplicateRef: duplicate.ref, followersAdded: moved },
      });
    }
    await updateReport(tx, primary, {});
  });
}

/**
 * The duplicate's reporter (when they asked for updates) and its confirmed followers become
 * followers of the primary; a follower who never confirmed is not copied (anyone may type any
 * address). Someone already following the primary, or the primary's own reporter, is skipped; one
 * who had only asked to follow the primary is confirmed, having confirmed on the duplicate.
 */
async function copyFollowers(tx: Queryable, fromId: string, toId: string): Promise<number> {
  const confirmed = sql`(
      select case when c.notify = 'email' then c.email end as email,
             case when c.notify = 'sms' then c.phone end as phone,
             c.language
        from report_contacts c
        where c.report_id = ${fromId}::uuid and c.notify <> 'none'
      union all
      select email, phone, language from report_followers
        where report_id = ${fromId}::uuid and confirmed_at is not null
    )`;
  await tx.execute(sql`
    update report_followers p set confirmed_at = now()
      from ${confirmed} f
     where p.report_id = ${toId}::uuid and p.confirmed_at is null
       and ((f.email is not null and p.email = f.email) or (f.phone is not null and p.phone = f.phone))`);
  const result = (await tx.execute(sql`
    insert into report_followers (report_id, email, phone, language, confirmed_at)
    select ${toId}::uuid, f.email, f.phone, f.language, now() from ${confirmed} f
    where (f.email is not null or f.phone is not null)
      and not exists (
        select 1 from report_contacts p where p.report_id = ${toId}::uuid and p.notify <> 'none'
          and ((f.email is not null and p.email = f.email) or (f.phone is not null and p.phone = f.phone)))
    on conflict do nothing
    returning id`)) as unknown as { rows: unknown[] };
  return result.rows.length;
}
