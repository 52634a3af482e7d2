// What a scanned QR code leads to, and counting the scan.
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { municipalities } from '../tenants/schema.ts';
import { reportLinks } from './schema.ts';

export type ReportLink = typeof reportLinks.$inferSelect;

/**
 * A link in use, with its municipality's slug (the form it leads to is /{slug}/meld), name, and
 * whether the municipality takes reports at the moment.
 */
export type ActiveReportLink = ReportLink & {
  municipalitySlug: string;
  municipalityName: string;
  municipalityEnabled: boolean;
};

/** The codes the table accepts (its check constraint); anything else needs no query. */
const CODE_PATTERN = /^[A-Za-z0-9_-]{3,40}$/;

/**
 * The link behind a code, when it is in use: the link is active. Undefined otherwise, so the form
 * is never tied to a sticker that was switched off. The caller refuses a link of a deactivated
 * municipality, naming it.
 */
export async function findReportLink(db: Queryable, code: string): Promise<ActiveReportLink | undefined> {
  const link = await findAnyReportLink(db, code);
  return link?.active ? link : undefined;
}

/**
 * The link behind a code, active or switched off: a retired sticker's finder is told so kindly
 * and offered the municipality's normal form. Undefined for a code no link has.
 */
export async function findAnyReportLink(db: Queryable, code: string): Promise<ActiveReportLink | undefined> {
  if (!CODE_PATTERN.test(code)) return undefined;
  const [row] = await db
    .select({
      link: reportLinks,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
      municipalityEnabled: municipalities.enabled,
    })
    .from(reportLinks)
    .innerJoin(municipalities, eq(municipalities.kommunenummer, reportLinks.kommunenummer))
    .where(eq(reportLinks.code, code));
  return row
    ? {
        ...row.link,
        municipalitySlug: row.municipalitySlug,
        municipalityName: row.municipalityName,
        municipalityEnabled: row.municipalityEnabled,
      }
    : undefined;
}

/**
 * Counts one scan: the link's total and today's count (the Oslo day, as the municipality reads the
 * sparkline), in one statement. The increments happen inside the database, so concurrent scans
 * each add one; reading a count and writing it back would lose scans that arrive together.
 */
export async function recordScan(db: Queryable, linkId: string): Promise<void> {
  await db.execute(sql`
    with counted as (
      update ${reportLinks}
      set scan_count = scan_count + 1, last_scanned_at = now()
      where id = ${linkId}
      returning id
    )
    insert into report_link_scan_days (link_id, day, scans)
    select id, (now() at time zone 'Europe/Oslo')::date, 1 from counted
    on conflict (link_id, day) do update set scans = report_link_scan_days.scans + 1`);
}
