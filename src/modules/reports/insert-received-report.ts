// Stores a new report in one SQL statement: the report (numbered from its sequence), the
// reporter's contact, the first history entry and the Idempotency-Key record, as data-modifying
// CTEs. One statement is one transaction, committed in
// one round trip to the database: all of it is stored, or none of it.
import { type SQL, sql } from 'drizzle-orm';
import { type DatabaseHandle, queryPrepared } from '../../db/client.ts';
import { PG_NOT_NULL_VIOLATION, PG_UNDEFINED_TABLE, pgErrorCode } from '../../db/errors.ts';
import type { Answers } from '../categories/questions.ts';
import type { Contact } from './contact.ts';
import { createReferenceSequence, nextReferenceSql, norwegianYear } from './reference.ts';
import type { Channel } from './statuses.ts';

export interface ReceivedReportRow {
  id: string;
  kommunenummer: string;
  categoryId: string;
  /** Row versions (xmin) of the municipality, category and group the report was checked against. */
  versions: { municipality: string; category: string | null; group: string | null };
  channel: Channel;
  /** The first history entry's actor: "reporter" (the default), or the staff account that registered it. */
  actor?: string;
  acute: boolean;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  answers: Answers;
  assetRef: string | null;
  reportLinkId: string | null;
  /** A registered asset staff chose (see CreateReportInput); else the report link's. */
  registeredAssetId: string | null;
  /** Photos already in photo storage, to attach in this order. */
  photos: StoredPhoto[];
  /** A web-form draft whose uploaded photos become the report's. */
  photosFromDraft: string | null;
  trackingTokenHash: Buffer;
  dueAt: Date | null;
  createdAt: Date;
}

/** A processed photo already written to photo storage under `storageKey`. */
export interface StoredPhoto {
  storageKey: string;
  width: number;
  height: number;
  bytes: number;
}

export interface IdempotencyRecord {
  keyHash: Buffer;
  requestHash: Buffer;
  trackingTokenSealed: Buffer;
}

/** Thrown when the category or municipality changed after the report was checked against it. */
export class CatalogChangedError extends Error {
  override name = 'CatalogChangedError';
}

/**
 * The category id, if the municipality, category and group are still the versions the report was
 * checked against; otherwise null, which the NOT NULL on category_id turns into an error that
 * stops the whole statement.
 */
function checkedCategory(report: ReceivedReportRow): SQL {
  return sql`(select c.id from categories c
      join category_groups g on g.id = c.group_id
      join municipalities m on m.kommunenummer = c.kommunenummer
      where c.id = ${report.categoryId}::uuid and c.xmin::text = ${report.versions.category}
        and g.xmin::text = ${report.versions.group} and m.xmin::text = ${report.versions.municipality})`;
}

/**
 * The report's registered asset, read here, in the insert: the one staff chose, or else the one of
 * the report link the report came through. Either only when it is the municipality's own; a
 * resident's asset is never taken from what the client sent.
 */
function linkedAsset(report: ReceivedReportRow): SQL {
  return sql`coalesce(
      (select id from assets where id = ${report.registeredAssetId}::uuid and kommunenummer = ${report.kommunenummer}),
      (select asset_id from report_links
        where id = ${report.reportLinkId}::uuid and kommunenummer = ${report.kommunenummer}))`;
}

function statement(
  report: ReceivedReportRow,
  contact: Contact | null,
  idempotency: IdempotencyRecord | null,
): SQL {
  const year = norwegianYear(report.createdAt);
  const parts: SQL[] = [
    sql`report as (
      insert into reports (id, ref, kommunenummer, category_id, status, channel, acute, description, address,
        lat, lon, answers, asset_ref, report_link_id, asset_id, tracking_token_hash, due_at, team_id, created_at, updated_at)
      values (${report.id}::uuid, ${nextReferenceSql(report.kommunenummer, year)}, ${report.kommunenummer},
        ${checkedCategory(report)}, 'mottatt', ${report.channel}, ${report.acute}, ${report.description},
        ${report.address}, ${report.lat}::double precision, ${report.lon}::double precision,
        ${JSON.stringify(report.answers)}::jsonb, ${report.assetRef}, ${report.reportLinkId}::uuid,
        ${linkedAsset(report)}, ${report.trackingTokenHash}, ${report.dueAt?.toISOString() ?? null}::timestamptz,
        (select default_team_id from categories where id = ${report.categoryId}::uuid),
        ${report.createdAt.toISOString()}::timestamptz, ${report.createdAt.toISOString()}::timestamptz)
      returning id, ref
    )`,
    sql`received as (
      insert into report_events (report_id, kind, public, status, actor, created_at)
      select id, 'received', true, 'mottatt', ${report.actor ?? 'reporter'}::text, ${report.createdAt.toISOString()}::timestamptz from report
    )`,
  ];
  if (contact) {
    parts.push(sql`contact as (
      insert into report_contacts (report_id, name, email, phone, notify, language)
      select id, ${contact.name}, ${contact.email}, ${contact.phone}, ${contact.notify}, ${contact.language} from report
    )`);
  }
  if (report.photos.length > 0) {
    const rows = report.photos.map(
      (p, position) =>
        sql`(${p.storageKey}, ${p.width}::int, ${p.height}::int, ${p.bytes}::int, ${position}::int)`,
    );
    parts.push(sql`photos as (
      insert into report_photos (report_id, storage_key, width, height, bytes, position)
      select report.id, p.storage_key, p.width, p.height, p.bytes, p.position
      from report, (values ${sql.join(rows, sql`, `)}) as p (storage_key, width, height, bytes, position)
    )`);
  }
  if (report.photosFromDraft) {
    parts.push(sql`draft_photos as (
      update report_photos set report_id = report.id, draft_id = null
      from report where report_photos.draft_id = ${report.photosFromDraft}::uuid
    )`);
  }
  if (idempotency) {
    parts.push(sql`remembered as (
      insert into idempotency_keys (key_hash, request_hash, report_id, tracking_token_sealed)
      select ${idempotency.keyHash}, ${idempotency.requestHash}, id, ${idempotency.trackingTokenSealed} from report
    )`);
  }
  return sql`with ${sql.join(parts, sql`, `)} select ref from report`;
}

/** Returns the new report's reference. */
export async function insertReceivedReport(
  database: DatabaseHandle,
  report: ReceivedReportRow,
  contact: Contact | null,
  idempotency: IdempotencyRecord | null,
): Promise<string> {
  const query = statement(report, contact, idempotency);
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = await queryPrepared<{ ref: string }>(database, query);
      if (!row) throw new Error('Storing the report returned no row');
      return row.ref;
    } catch (error) {
      const code = pgErrorCode(error);
      if (code === PG_NOT_NULL_VIOLATION && (error as { column?: string }).column === 'category_id') {
        throw new CatalogChangedError('The category or municipality changed while the report was checked');
      }
      // The first report of a year in a municipality: its reference sequence does not exist yet.
      if (code !== PG_UNDEFINED_TABLE || attempt > 0) throw error;
      await createReferenceSequence(database.db, report.kommunenummer, norwegianYear(report.createdAt));
    }
  }
}
