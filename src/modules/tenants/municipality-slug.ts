// The address a municipality's pages live at (/porsgrunn): made from its name the way Norwegians
// write such addresses (æ→ae, ø→o, å→a), and checked against the table's own rule.
import { trimCharacter } from '../../shared/text.ts';

/** The pattern of the `municipalities_slug_format` check constraint. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && slug.length <= 100;
}

/**
 * "Nordre Follo" → "nordre-follo", "Bø" → "bo", "Hábmer - Hamarøy" → "habmer-hamaroy". Sámi and
 * other accented letters lose their accents; anything else that is not a letter or a digit
 * becomes one hyphen.
 */
export function slugFromName(name: string): string {
  return trimCharacter(
    name
      .toLowerCase()
      .replaceAll('æ', 'ae')
      .replaceAll('ø', 'o')
      .replaceAll('å', 'a')
      // Sámi letters that carry no accent to strip.
      .replaceAll('ŋ', 'n')
      .replaceAll('đ', 'd')
      .replaceAll('ŧ', 't')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^a-z0-9]+/g, '-'),
    '-',
  );
}
