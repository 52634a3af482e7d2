// The staff dashboard's figures for one municipality and period: what came in (by status and
// category), how fast it was answered and done, how often deadlines held, what is overdue now,
// a per-week series, per month and category group (as on the public statistics page), and what
// reporters answered to "is it really fixed?". The figures' definitions are report-figures.ts's,
// shared with the public page. Three statements: the figures over the period, the same per month
// and group, and the overdue list (which is about now, not the period).
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import {
  type InboxItem,
  type InboxItemRow,
  inboxItemColumns,
  inboxItemJoins,
  presentInboxItem,
} from '../cases/present-inbox-item.ts';
import { REPORT_STATUSES, type ReportStatus } from '../reports/statuses.ts';
import {
  boundsCte,
  computeMonthlyByGroup,
  type FigureRow,
  figureColumns,
  type MonthFigures,
  presentFigures,
} from './report-figures.ts';
import type { DateRange } from './resolve-dashboard-range.ts';

export const OVERDUE_LIST_LIMIT = 50;

export interface Dashboard {
  from: string;
  to: string;
  byStatus: Record<ReportStatus, number>;
  byCategory: { id: string; name: string; count: number }[];
  medianHoursToFirstReply: number | null;
  medianHoursToDone: number | null;
  shareDoneWithinDeadline: number | null;
  overdue: InboxItem[];
  perWeek: { week: string; received: number; done: number }[];
  perGroupMonth: {
    groupId: string | null;
    code: string | null;
    name: string | null;
    months: MonthFigures[];
  }[];
  fixFeedback: FixFeedback;
}

/** "Is it really fixed?" questions asked in the period, by what their reporters answered. */
export interface FixFeedback {
  asked: number;
  confirmed: number;
  reopened: number;
  unanswered: number;
}

interface FiguresRow {
  by_status: Partial<Record<ReportStatus, number>> | null;
  by_category: { id: string; name: LocalizedText; count: number }[] | null;
  figures: FigureRow;
  per_week: { week: string; received: number; done: number }[] | null;
  fix_feedback: FixFeedback;
}

/** Reports received in the period (Oslo dates, both ends included) and their figures. */
function figuresQuery(kommunenummer: string, range: DateRange) {
  return sql`with ${boundsCte(range)},
    received as (
      select r.status, r.category_id, r.created_at, r.first_public_reply_at, r.done_at, r.due_at
      from reports r, bounds b
      where r.kommunenummer = ${kommunenummer} and r.created_at >= b.start_at and r.created_at < b.end_at
    ),
    by_status as (select status, count(*)::int as n from received group by status),
    by_category as (select category_id, count(*)::int as n from received group by category_id),
    weeks as (
      select generate_series(date_trunc('week', ${range.from}::date::timestamp),
        date_trunc('week', ${range.to}::date::timestamp), interval '1 week') as week
    ),
    received_weeks as (
      select date_trunc('week', created_at at time zone 'Europe/Oslo') as week, count(*)::int as n
      from received group by 1
    ),
    done_weeks as (
      select date_trunc('week', r.done_at at time zone 'Europe/Oslo') as week, count(*)::int as n
      from reports r, bounds b
      where r.kommunenummer = ${kommunenummer} and r.done_at >= b.start_at and r.done_at < b.end_at
      group by 1
    ),
    fix_asked as (
      select f.outcome, f.answered_at from fix_checks f
        join reports r on r.id = f.report_id, bounds b
      where r.kommunenummer = ${kommunenummer} and f.asked_at >= b.start_at and f.asked_at < b.end_at
    )
    select
      (select json_object_agg(status, n) from by_status) as by_status,
      (select json_agg(json_build_object('id', c.id, 'name', c.name, 'count', bc.n)
          order by bc.n desc, c.sort_order, c.id)
        from by_category bc join categories c on c.id = bc.category_id) as by_category,
      (select row_to_json(f) from (select ${figureColumns} from received) f) as figures,
      (select json_agg(json_build_object('week', to_char(w.week, 'IYYY-"W"IW'),
          'received', coalesce(rw.n, 0), 'done', coalesce(dw.n, 0)) order by w.week)
        from weeks w left join received_weeks rw on rw.week = w.week
        left join done_weeks dw on dw.week = w.week) as per_week,
      (select json_build_object('asked', count(*)::int,
          'confirmed', (count(*) filter (where outcome = 'confirmed'))::int,
          'reopened', (count(*) filter (where outcome = 'reopened'))::int,
          'unanswered', (count(*) filter (where answered_at is null))::int)
        from fix_asked) as fix_feedback`;
}

/** Open and past due, oldest due first. The status list is literal so the partial index applies. */
function overdueQuery(kommunenummer: string) {
  return sql`select ${inboxItemColumns} from reports r ${inboxItemJoins}
    where r.kommunenummer = ${kommunenummer}
      and r.status in ('mottatt', 'under_behandling', 'planlagt') and r.due_at < now()
    order by r.due_at, r.id
    limit ${OVERDUE_LIST_LIMIT}`;
}

export async function computeDashboard(
  db: Queryable,
  kommunenummer: string,
  range: DateRange,
  language: Language,
): Promise<Dashboard> {
  const [figures] = await queryRows<FiguresRow>(db, figuresQuery(kommunenummer, range));
  const overdue = await queryRows<InboxItemRow>(db, overdueQuery(kommunenummer));
  const perGroupMonth = await computeMonthlyByGroup(db, kommunenummer, range);
  if (!figures) throw new Error('The dashboard query returned no row');
  const overall = presentFigures(figures.figures);
  const counted = figures.by_status ?? {};
  const byStatus = Object.fromEntries(REPORT_STATUSES.map((s) => [s, counted[s] ?? 0])) as Record<
    ReportStatus,
    number
  >;
  return {
    from: range.from,
    to: range.to,
    byStatus,
    byCategory: (figures.by_category ?? []).map((c) => ({
      id: c.id,
      name: localize(c.name, language),
      count: c.count,
    })),
    medianHoursToFirstReply: overall.medianHoursToFirstReply,
    medianHoursToDone: overall.medianHoursToDone,
    shareDoneWithinDeadline: overall.shareDoneWithinDeadline,
    overdue: overdue.map((row) => presentInboxItem(row, language)),
    perWeek: figures.per_week ?? [],
    perGroupMonth: perGroupMonth.map((g) => ({
      groupId: g.id,
      code: g.code,
      name: g.name ? localize(g.name, language) : null,
      months: g.months,
    })),
    fixFeedback: figures.fix_feedback,
  };
}
