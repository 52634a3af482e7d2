// A new QR sticker link for a hydrant, a pumping station or a manhole.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { reportLinks } from '../report-links/schema.ts';
import { adminMessages } from './admin-messages.ts';
import { cleanText, refuseIfAny, withUniqueCheck } from './admin-support.ts';
import { checkReportLink, presentReportLink } from './report-link-queries.ts';

export interface NewReportLink {
  code?: string;
  label: LocalizedText;
  lat?: number | null;
  lon?: number | null;
  address?: string | null;
  assetRef?: string | null;
  suggestedCategories?: string[];
  active?: boolean;
}

/** Short and unambiguous to type from a sticker: no 0/o or 1/l. */
export function generateCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(8);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export async function createReportLink(
  ctx: AppContext,
  actorId: string,
  kommunenummer: string,
  input: NewReportLink,
) {
  const link = {
    lat: input.lat ?? null,
    lon: input.lon ?? null,
    suggestedCategories: input.suggestedCategories ?? [],
  };
  refuseIfAny(await checkReportLink(ctx.db.db, ctx.locator, kommunenummer, link));
  const code = input.code ?? generateCode();
  const conflict = { code: 'code_taken', message: adminMessages.linkCodeTaken(code), field: 'code' };
  return withUniqueCheck(ctx.db.db, conflict, async (tx) => {
    const [row] = await tx
      .insert(reportLinks)
      .values({
        code,
        kommunenummer,
        label: cleanText(input.label),
        ...link,
        address: input.address?.trim() || null,
        assetRef: input.assetRef?.trim() || null,
        active: input.active ?? true,
      })
      .returning();
    if (!row) throw new Error('report link not created');
    const after = presentReportLink(row, ctx.config.publicUrl);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'report_link.created',
      entityType: 'report_link',
      entityId: row.id,
      after,
    });
    return after;
  });
}
