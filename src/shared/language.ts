// The languages a resident can read Meldepunkt in: bokmål, nynorsk (Språklova) and English.
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages a municipality may choose as its own written form. */
export const MUNICIPAL_LANGUAGES = ['nb', 'nn'] as const;
export type MunicipalLanguage = (typeof MUNICIPAL_LANGUAGES)[number];

/** A text in each language; `nb` is always present and is the fallback. */
export interface LocalizedText {
  nb: string;
  nn?: string;
  en?: string;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function localize(text: LocalizedText, language: Language): string {
  return text[language] ?? text.nb;
}

/**
 * Picks the best language from an Accept-Language header ("nn-NO,nn;q=0.9,en;q=0.5").
 * "no" (generic Norwegian) counts as bokmål. Falls back to `fallback`.
 */
export function negotiateLanguage(header: string | undefined, fallback: Language = 'nb'): Language {
  return preferredLanguage(header) ?? fallback;
}

/** The best language from an Accept-Language header, or undefined when it names none of ours. */
export function preferredLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'no' || primary === 'nb') return 'nb';
    if (isLanguage(primary)) return primary;
  }
  return undefined;
}
