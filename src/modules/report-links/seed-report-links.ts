// Loads a municipality's report links (QR stickers) from data. Like the rest of the seed it only
// adds codes that are missing: a link an administrator has since moved, relabelled or switched
// off stays as they left it, however often the seed runs.
import type { Queryable } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { reportLinks } from './schema.ts';

export interface DemoReportLink {
  /** The short code in /q/{code}: 3–40 letters, digits, `-` or `_`. */
  code: string;
  label: LocalizedText;
  location?: { lat: number; lon: number };
  address?: string;
  /** The municipality's own id of the asset, as painted on it ("BH-0417"). */
  assetRef?: string;
  /** Category codes the form offers first; they must exist in the municipality. */
  suggestedCategories: string[];
}

/** Inserts the links whose codes are not stored yet; returns how many it added. */
export async function seedReportLinks(
  db: Queryable,
  kommunenummer: string,
  links: readonly DemoReportLink[],
): Promise<number> {
  if (links.length === 0) return 0;
  const added = await db
    .insert(reportLinks)
    .values(
      links.map((link) => ({
        code: link.code,
        kommunenummer,
        label: link.label,
        lat: link.location?.lat ?? null,
        lon: link.location?.lon ?? null,
        address: link.address ?? null,
        assetRef: link.assetRef ?? null,
        suggestedCategories: link.suggestedCategories,
      })),
    )
    .onConflictDoNothing({ target: reportLinks.code })
    .returning({ id: reportLinks.id });
  return added.length;
}
