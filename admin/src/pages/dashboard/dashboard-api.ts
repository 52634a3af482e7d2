// GET /dashboard's answer (src/modules/stats/stats-http-schemas.ts).
import type { ReportStatus } from '../../components/index.ts';

export interface OverdueItem {
  id: string;
  ref: string;
  status: ReportStatus;
  category: { id: string; name: string };
  address: string | null;
  dueAt: string | null;
  team: { id: string; name: string } | null;
}

export interface Dashboard {
  from: string;
  to: string;
  byStatus: Record<ReportStatus, number>;
  byCategory: { id: string; name: string; count: number }[];
  medianHoursToFirstReply: number | null;
  medianHoursToDone: number | null;
  shareDoneWithinDeadline: number | null;
  overdue: OverdueItem[];
  perWeek: { week: string; received: number; done: number }[];
  /** "Is it really fixed?" questions asked in the period, by answer; absent from older servers. */
  fixFeedback?: FixFeedback;
}

export interface FixFeedback {
  asked: number;
  confirmed: number;
  reopened: number;
  unanswered: number;
}

/** Which roles may export (docs/authorisation.md: case.export, case.export_personal). */
export const EXPORT_ROLES = ['admin', 'saksbehandler', 'leser'];
export const EXPORT_PERSONAL_ROLES = ['admin', 'saksbehandler'];
