// Relabels, moves, re-targets or switches off a report link. Its code stays: it is printed.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recentScanDays } from '../report-links/scan-days.ts';
import { reportLinks } from '../report-links/schema.ts';
import type { ReportLinkChanges } from './admin-http-schemas.ts';
import { changedFields, cleanText, notFound, refuseIfAny } from './admin-support.ts';
import { checkReportLink, findReportLinkById, presentReportLink } from './report-link-queries.ts';

export async function updateReportLink(
  ctx: AppContext,
  actorId: string,
  kommunenummer: string,
  id: string,
  changes: ReportLinkChanges,
) {
  return ctx.db.db.transaction(async (tx) => {
    const existing = await findReportLinkById(tx, kommunenummer, id);
    if (!existing) throw notFound('reportLink');
    const merged = {
      lat: changes.lat === undefined ? existing.lat : changes.lat,
      lon: changes.lon === undefined ? existing.lon : changes.lon,
      suggestedCategories: changes.suggestedCategories ?? existing.suggestedCategories,
    };
    refuseIfAny(await checkReportLink(tx, ctx.locator, kommunenummer, merged));
    const [row] = await tx
      .update(reportLinks)
      .set({
        ...merged,
        ...(changes.label ? { label: cleanText(changes.label) } : {}),
        ...(changes.address === undefined ? {} : { address: changes.address?.trim() || null }),
        ...(changes.assetRef === undefined ? {} : { assetRef: changes.assetRef?.trim() || null }),
        ...(changes.active === undefined ? {} : { active: changes.active }),
      })
      .where(eq(reportLinks.id, id))
      .returning();
    if (!row) throw notFound('reportLink');
    const scans = await recentScanDays(tx, { linkIds: [row.id] });
    const after = presentReportLink(row, ctx.config.publicUrl, scans.get(row.id));
    const {
      scanCount: _b,
      lastScannedAt: _bl,
      scansByDay: _bd,
      ...before
    } = presentReportLink(existing, ctx.config.publicUrl);
    const { scanCount: _a, lastScannedAt: _al, scansByDay: _ad, ...afterFields } = after;
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'report_link.updated',
      entityType: 'report_link',
      entityId: id,
      ...changedFields(before, afterFields),
    });
    return after;
  });
}
