import { REPORT_STATUSES } from '../api/enums.ts';
import { useT } from '../i18n/index.ts';

// The server's statuses, in its order (generated from its OpenAPI document).
export { REPORT_STATUSES };
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A report's status in words (never by colour alone), coloured by whether it is still open. */
export function StatusBadge({ status }: { status: ReportStatus }) {
  const t = useT();
  return (
    <span className={`status-badge status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
