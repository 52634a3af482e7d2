// A count as the inbox shows it: "523", "10 000+" (more than the server counts exactly) or
// "ca. 31 000" (PostgreSQL's estimate), so a figure that was not counted never looks as if it was.
import type { Translator } from '../../i18n/index.ts';
import type { Count, Counts } from './types.ts';

/** Beside a status: "523", "10 000+", "ca. 31 000". */
export function statusCountText(t: Translator, { count, accuracy }: Count): string {
  if (accuracy === 'moreThan') return t.plural('inbox.count.moreThan', count);
  if (accuracy === 'about') return t.plural('inbox.count.about', count);
  return t.plural('inbox.count.exact', count);
}

/** Above the list: "523 meldinger", "Over 80 000 meldinger", "Ca. 87 000 meldinger". */
export function totalCountText(t: Translator, { count, accuracy }: Count): string {
  if (accuracy === 'moreThan') return t.plural('inbox.count.reportsMoreThan', count);
  if (accuracy === 'about') return t.plural('inbox.count.reportsAbout', count);
  return t.plural('count.reports', count);
}

/** Whether any figure was not counted to the end (then the form explains "+" and "ca."). */
export function anyInexact(counts: Counts): boolean {
  return (
    counts.total.accuracy !== 'exact' ||
    Object.values(counts.counts).some((count) => count.accuracy !== 'exact')
  );
}
