import { useT } from '../i18n/index.ts';

export const REPORT_STATUSES = [
  'mottatt',
  'under_behandling',
  'planlagt',
  'utfort',
  'duplikat',
  'privat_ansvar',
  'videresendt',
  'avvist',
  'lukket',
] as const;
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
