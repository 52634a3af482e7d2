// The inbox's filters: the query string as the back office sends it (TypeBox), checked and turned
// into SQL conditions on `reports r`. The list, the counts and the CSV export share them, so a
// filter means the same thing on every screen.
import { type SQL, sql } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { isCalendarDate } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { StaffPrincipal } from '../accounts/principal.ts';
import { norwegianYear } from '../reports/reference.ts';
import {
  CHANNELS,
  type Channel,
  OPEN_STATUSES,
  REPORT_STATUSES,
  type ReportStatus,
} from '../reports/statuses.ts';
import { inboxMessages } from './inbox-messages.ts';

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

export const INBOX_SORTS = ['-created', 'created', 'due', '-priority', '-updated'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** The filters every inbox endpoint takes (the list adds sort, cursor and limit). */
export const inboxFilterProperties = {
  status: Type.Optional(
    Type.String({
      maxLength: 300,
      description: `Comma list of statuses (${REPORT_STATUSES.join(', ')}), or \`open\` / \`closed\`. Duplicates are listed only when asked for.`,
    }),
  ),
  group: Type.Optional(Type.String({ pattern: UUID, description: 'Category group id' })),
  category: Type.Optional(Type.String({ pattern: UUID, description: 'Category id' })),
  team: Type.Optional(Type.String({ pattern: `${UUID}|^none$`, description: 'Team id, or `none`' })),
  assignee: Type.Optional(
    Type.String({ pattern: `${UUID}|^me$|^none$`, description: 'Staff user id, `me` or `none`' }),
  ),
  overdue: Type.Optional(Type.Boolean({ description: 'Only open reports past their due time' })),
  acute: Type.Optional(Type.Boolean({ description: 'Only acute reports' })),
  channel: Type.Optional(
    Type.String({ maxLength: 200, description: `Comma list of ${CHANNELS.join(', ')}` }),
  ),
  from: Type.Optional(
    Type.String({ pattern: DATE, description: 'Received on or after this date (Oslo time)' }),
  ),
  to: Type.Optional(
    Type.String({ pattern: DATE, description: 'Received on or before this date (Oslo time)' }),
  ),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Free text: a reference (4001-2026-00012, or just its number) or words (prefix match)',
    }),
  ),
  lang: Type.Optional(stringEnum(['nb', 'nn', 'en'] as const)),
};
export const InboxFilterQuery = Type.Object(inboxFilterProperties);
export type InboxFilterQuery = Static<typeof InboxFilterQuery>;

export const InboxListQuery = Type.Object({
  ...inboxFilterProperties,
  sort: Type.Optional(stringEnum(INBOX_SORTS, { description: 'Default `-created` (newest first)' })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor from the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type InboxListQuery = Static<typeof InboxListQuery>;

/** The filters, checked and resolved (`me` is the caller's id). */
export interface InboxFilter {
  kommunenummer: string;
  statuses?: ReportStatus[];
  groupId?: string;
  categoryId?: string;
  /** A team id, or null for reports without a team. */
  teamId?: string | null;
  /** A staff user id, or null for unassigned reports. */
  assigneeId?: string | null;
  overdue?: boolean;
  acute?: boolean;
  channels?: Channel[];
  from?: string;
  to?: string;
  text?: FreeText;
}

export type FreeText = { kind: 'refs'; refs: string[] } | { kind: 'words'; tsquery: string };

function invalid(field: string, allowed: string): AppError {
  const message = inboxMessages.invalidFilter(field, allowed);
  return new AppError(400, 'invalid_filter', message, [{ field, code: 'invalid_filter', message }]);
}

function commaList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function parseStatusList(text: string): ReportStatus[] {
  const result = new Set<ReportStatus>();
  for (const status of commaList(text)) {
    if (status === 'open') for (const s of OPEN_STATUSES) result.add(s);
    else if (status === 'closed')
      for (const s of REPORT_STATUSES) !OPEN_STATUSES.includes(s) && result.add(s);
    else if ((REPORT_STATUSES as readonly string[]).includes(status)) result.add(status as ReportStatus);
    else throw invalid('status', `open, closed, ${REPORT_STATUSES.join(', ')}`);
  }
  return [...result];
}

function parseChannels(text: string): Channel[] {
  const wanted = commaList(text);
  for (const channel of wanted) {
    if (!(CHANNELS as readonly string[]).includes(channel)) throw invalid('channel', CHANNELS.join(', '));
  }
  return wanted as Channel[];
}

function checkDate(field: string, value: string): string {
  if (!isCalendarDate(value)) {
    throw invalid(field, 'YYYY-MM-DD');
  }
  return value;
}

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 60;
const FULL_REFERENCE = /^(\d{4})-(\d{4})-(\d{1,9})$/;
const YEAR_AND_NUMBER = /^(\d{4})-(\d{1,9})$/;
const NUMBER_ONLY = /^\d{1,9}$/;
/** How many years back a bare report number is looked for. */
const NUMBER_YEARS = 10;

function pad(n: string): string {
  return String(Number(n)).padStart(5, '0');
}

/**
 * Free text as the inbox reads it: a reference (full, year-number, or just the number in recent
 * years) is matched exactly; anything else becomes prefix terms. The terms are only letters and
 * digits, each quoted, so no user input is ever read as tsquery syntax.
 */
export function parseFreeText(q: string, kommunenummer: string, now = new Date()): FreeText | undefined {
  const text = q.normalize('NFKC').trim();
  const full = FULL_REFERENCE.exec(text);
  if (full) return { kind: 'refs', refs: [`${full[1]}-${full[2]}-${pad(full[3] ?? '0')}`] };
  const yearNumber = YEAR_AND_NUMBER.exec(text);
  if (yearNumber)
    return { kind: 'refs', refs: [`${kommunenummer}-${yearNumber[1]}-${pad(yearNumber[2] ?? '0')}`] };
  if (NUMBER_ONLY.test(text)) {
    const year = norwegianYear(now);
    const refs = Array.from({ length: NUMBER_YEARS }, (_, i) => `${kommunenummer}-${year - i}-${pad(text)}`);
    return { kind: 'refs', refs };
  }
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
  if (words.length === 0) return undefined;
  return { kind: 'words', tsquery: words.map((word) => `'${word}':*`).join(' & ') };
}

export function resolveFilter(
  query: InboxFilterQuery,
  kommunenummer: string,
  staff: StaffPrincipal,
): InboxFilter {
  const filter: InboxFilter = { kommunenummer };
  if (query.status !== undefined && query.status.trim() !== '')
    filter.statuses = parseStatusList(query.status);
  if (query.group) filter.groupId = query.group;
  if (query.category) filter.categoryId = query.category;
  if (query.team) filter.teamId = query.team === 'none' ? null : query.team;
  if (query.assignee) {
    filter.assigneeId =
      query.assignee === 'none' ? null : query.assignee === 'me' ? staff.userId : query.assignee;
  }
  if (query.overdue) filter.overdue = true;
  if (query.acute) filter.acute = true;
  if (query.channel !== undefined && query.channel.trim() !== '')
    filter.channels = parseChannels(query.channel);
  if (query.from) filter.from = checkDate('from', query.from);
  if (query.to) filter.to = checkDate('to', query.to);
  if (filter.from && filter.to && filter.from > filter.to) {
    const message = inboxMessages.invalidDateRange();
    throw new AppError(400, 'invalid_filter', message, [{ field: 'from', code: 'invalid_filter', message }]);
  }
  if (query.q) {
    const text = parseFreeText(query.q, kommunenummer);
    if (text) filter.text = text;
  }
  return filter;
}

const OPEN_SQL = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(', '));

/** Whether a report in `status` can match the filter at all (only open reports are overdue). */
export function statusCanMatch(filter: InboxFilter, status: ReportStatus): boolean {
  return !filter.overdue || OPEN_STATUSES.includes(status);
}

/**
 * The filter as SQL conditions on `reports r`, joined with `and`. `ignoreStatus` leaves the status
 * filter out; `status` puts exactly that status in its place (for counting one status: the
 * overdue filter then leaves out its own status test, which would only blur PostgreSQL's estimate).
 */
export function filterConditions(
  filter: InboxFilter,
  options: { ignoreStatus?: boolean; status?: ReportStatus } = {},
): SQL {
  const parts: SQL[] = [sql`r.kommunenummer = ${filter.kommunenummer}`];
  if (options.status) {
    parts.push(sql`r.status = ${options.status}`);
  } else if (!options.ignoreStatus) {
    if (filter.statuses) {
      parts.push(
        filter.statuses.length === 0
          ? sql`false`
          : sql`r.status in (${sql.join(
              filter.statuses.map((s) => sql`${s}`),
              sql`, `,
            )})`,
      );
    } else {
      // A duplicate lives on in its primary report; it is listed only when asked for.
      parts.push(sql`r.status <> 'duplikat'`);
    }
  }
  if (filter.groupId)
    parts.push(sql`r.category_id in (select id from categories where group_id = ${filter.groupId}::uuid)`);
  if (filter.categoryId) parts.push(sql`r.category_id = ${filter.categoryId}::uuid`);
  if (filter.teamId !== undefined) {
    parts.push(filter.teamId === null ? sql`r.team_id is null` : sql`r.team_id = ${filter.teamId}::uuid`);
  }
  if (filter.assigneeId !== undefined) {
    parts.push(
      filter.assigneeId === null
        ? sql`r.assignee_id is null`
        : sql`r.assignee_id = ${filter.assigneeId}::uuid`,
    );
  }
  if (filter.overdue) {
    if (!options.status) parts.push(sql`r.status in (${OPEN_SQL}) and r.due_at < now()`);
    else parts.push(statusCanMatch(filter, options.status) ? sql`r.due_at < now()` : sql`false`);
  }
  if (filter.acute) parts.push(sql`r.acute`);
  if (filter.channels && filter.channels.length > 0) {
    parts.push(
      sql`r.channel in (${sql.join(
        filter.channels.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  }
  // Dates are days in Norway: "to 2026-03-01" includes all of that day in Oslo time.
  if (filter.from)
    parts.push(sql`r.created_at >= (${filter.from}::date)::timestamp at time zone 'Europe/Oslo'`);
  if (filter.to)
    parts.push(sql`r.created_at < (${filter.to}::date + 1)::timestamp at time zone 'Europe/Oslo'`);
  if (filter.text?.kind === 'refs') {
    parts.push(
      sql`r.ref in (${sql.join(
        filter.text.refs.map((ref) => sql`${ref}`),
        sql`, `,
      )})`,
    );
  } else if (filter.text?.kind === 'words') {
    parts.push(sql`r.search_text @@ to_tsquery('simple', ${filter.text.tsquery})`);
  }
  return sql.join(parts, sql` and `);
}
