// One run of stickers: the selected assets, each with its report link (made where missing), laid
// out on label sheets. Shared by the admin endpoint and `npm run stickers`.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { ensureAssetReportLinks } from '../report-links/ensure-asset-report-links.ts';
import { reportLinkUrl } from '../report-links/link-addresses.ts';
import { municipalities } from '../tenants/schema.ts';
import { STICKER_LAYOUTS, type StickerLayoutName } from './layouts.ts';
import { renderStickerSheet } from './render-sticker-sheet.ts';
import { type StickerSelection, selectStickerAssets } from './select-sticker-assets.ts';
import { type LogoReader, loadStickerLogo } from './sticker-logo.ts';
import { stickerMessages } from './sticker-messages.ts';

export interface StickerRun {
  pdf: PDFKit.PDFDocument;
  stickers: number;
  linksCreated: number;
  /** Without personal data: municipality, type or "utvalg", layout. */
  fileName: string;
  /** Why the municipality's logo is not on the stickers, when it has one that could not be used. */
  logoProblem: string | null;
}

export async function printStickerSheet(
  db: Database,
  publicUrl: string,
  kommunenummer: string,
  actorId: string | null,
  request: StickerSelection & { layout: StickerLayoutName },
  readLogo: LogoReader,
): Promise<StickerRun> {
  const [municipality] = await db
    .select({ name: municipalities.name, logoUrl: municipalities.logoUrl })
    .from(municipalities)
    .where(eq(municipalities.kommunenummer, kommunenummer));
  if (!municipality) throw new AppError(404, 'nothing_selected', stickerMessages.noneSelected());
  const selected = await selectStickerAssets(db, kommunenummer, request);
  const links = await ensureAssetReportLinks(db, kommunenummer, actorId, selected);
  const stickers = selected.map((asset) => {
    const code = links.codes.get(asset.id);
    if (!code) throw new Error('asset without a report link after ensuring one');
    return { url: reportLinkUrl(publicUrl, code), externalId: asset.externalId, typeCode: asset.typeCode };
  });
  const { logo, problem } = await loadStickerLogo(municipality.logoUrl, readLogo);
  const pdf = await renderStickerSheet({
    layout: STICKER_LAYOUTS[request.layout],
    municipalityName: municipality.name,
    logo,
    stickers,
  });
  const what = request.type ?? 'utvalg';
  return {
    pdf,
    stickers: stickers.length,
    linksCreated: links.created,
    fileName: `klistremerker-${kommunenummer}-${what}-${request.layout}.pdf`,
    logoProblem: problem,
  };
}
