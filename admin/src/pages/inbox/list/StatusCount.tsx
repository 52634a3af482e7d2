// How the inbox shows its counts: the number on each status view and "12 meldinger" above the
// list. Kept in this one file (with count-text.ts) so what a count means is decided in one place.
// Above a limit the server stops counting: a status then says "10 000+" (more than) or
// "ca. 31 000" (PostgreSQL's estimate), and a sum over several statuses says so too.
import type { ReportStatus } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { anyInexact, statusCountText, totalCountText } from '../count-text.ts';
import type { Count, Counts } from '../types.ts';

/**
 * Reports in `statuses` under the other filters; every status but duplicates when empty. A sum is
 * "more than" when any part is, else "about" when any part is an estimate.
 */
export function countOf(counts: Counts, statuses: readonly ReportStatus[]): Count {
  if (statuses.length === 0) return counts.total;
  const parts = statuses.map((s) => counts.counts[s] ?? { count: 0, accuracy: 'exact' as const });
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const accuracy = parts.some((p) => p.accuracy === 'moreThan')
    ? 'moreThan'
    : parts.some((p) => p.accuracy === 'about')
      ? 'about'
      : 'exact';
  return { count, accuracy };
}

/** The number on a status view, or nothing while the counts load. */
export function StatusCount({
  counts,
  statuses,
}: {
  counts: Counts | null;
  statuses: readonly ReportStatus[];
}) {
  const t = useT();
  if (!counts) return null;
  return <span className="count">{statusCountText(t, countOf(counts, statuses))}</span>;
}

/** "12 meldinger": how many reports the whole filter finds, said politely when it changes. */
export function ReportCount({
  counts,
  statuses,
  loading,
}: {
  counts: Counts | null;
  statuses: readonly ReportStatus[];
  loading: boolean;
}) {
  const t = useT();
  return (
    <p className="inbox-count" aria-live="polite">
      {counts && !loading ? totalCountText(t, countOf(counts, statuses)) : ''}
    </p>
  );
}

/** Says what "+" and "ca." mean, only when a figure on the screen is not an exact count. */
export function CountNote({ counts }: { counts: Counts | null }) {
  const t = useT();
  if (!counts || !anyInexact(counts)) return null;
  return <p className="field-hint inbox-count-note">{t('inbox.count.note')}</p>;
}
