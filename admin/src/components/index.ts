export { Button, type ButtonProps } from './Button.tsx';
export { EmptyState } from './EmptyState.tsx';
export { ErrorSummary, type ErrorSummaryProps, type SummaryItem } from './ErrorSummary.tsx';
export { Field, type FieldProps } from './Field.tsx';
export { Loading } from './Loading.tsx';
export { REPORT_STATUSES, type ReportStatus, StatusBadge } from './StatusBadge.tsx';
