// How the inbox shows its counts: the number on each status view and "12 meldinger" above the
// list. Kept in this one file so a change to what a count means (say, an estimate for a large
// inbox) is made in one place.
import type { ReportStatus } from '../../../components/index.ts';
import { LOCALES, useT } from '../../../i18n/index.ts';
import type { Counts } from '../types.ts';

/** Reports in `statuses` under the other filters; every status but duplicates when empty. */
function countOf(counts: Counts, statuses: readonly ReportStatus[]): number {
  if (statuses.length === 0) return counts.total;
  return statuses.reduce((sum, s) => sum + (counts.counts[s] ?? 0), 0);
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
  return (
    <span className="count">
      {new Intl.NumberFormat(LOCALES[t.language]).format(countOf(counts, statuses))}
    </span>
  );
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
      {counts && !loading ? t.plural('count.reports', countOf(counts, statuses)) : ''}
    </p>
  );
}
