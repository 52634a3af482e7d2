// What a scanned QR code leads to, and counting the scan.
import { and, eq, sql } from 'drizzle-orm';
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
 * The link behind a code, when it is in use: the link is active. Undefined otherwise, so a sticker
 * left on a hydrant after the link was switched off leads nowhere instead of to a form that no one
 * reads. The caller refuses a link of a deactivated municipality, naming it.
 */
export async function findReportLink(db: Queryable, code: string): Promise<ActiveReportLink | undefined> {
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
    .where(and(eq(reportLinks.code, code), eq(reportLinks.active, true)));
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
 * Counts one scan. The increment happens inside the UPDATE, so concurrent scans each add one;
 * reading the count and writing it back would lose scans that arrive together.
 */
export async function recordScan(db: Queryable, linkId: string): Promise<void> {
  await db
    .update(reportLinks)
    .set({ scanCount: sql`${reportLinks.scanCount} + 1`, lastScannedAt: sql`now()` })
    .where(eq(reportLinks.id, linkId));
}
