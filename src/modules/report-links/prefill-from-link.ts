// What the report form fills in when a resident arrives from a QR sticker (/{slug}/meld?link=…).
import type { LocalizedText } from '../../shared/language.ts';
import type { ReportLink } from './resolve-report-link.ts';

export interface ReportPrefill {
  kommunenummer: string;
  location?: { lat: number; lon: number };
  address?: string;
  assetRef?: string;
  /** Category codes to offer first, in the link's order. */
  suggestedCategories: string[];
  /** Stored with the report, so staff see which sticker it came from. */
  reportLinkId: string;
  /** What the sticker is on ("Fire hydrant BH-0417 in Storgata"), to show above the form. */
  label: LocalizedText;
}

export type PrefillSource = Pick<
  ReportLink,
  'id' | 'kommunenummer' | 'label' | 'lat' | 'lon' | 'address' | 'assetRef' | 'suggestedCategories'
>;

/** Leaves out what the link does not know, so the form asks for it instead of showing blanks. */
export function prefillFromLink(link: PrefillSource): ReportPrefill {
  const prefill: ReportPrefill = {
    kommunenummer: link.kommunenummer,
    suggestedCategories: [...link.suggestedCategories],
    reportLinkId: link.id,
    label: link.label,
  };
  if (link.lat !== null && link.lon !== null) prefill.location = { lat: link.lat, lon: link.lon };
  const address = link.address?.trim();
  if (address) prefill.address = address;
  const assetRef = link.assetRef?.trim();
  if (assetRef) prefill.assetRef = assetRef;
  return prefill;
}
