// How a report looks in the staff inbox: one row of the list, names in the caller's language.
// The case view extends it, so the select list that feeds it lives here too (`inboxItemColumns`).
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import {
  CHANNELS,
  type Channel,
  PRIORITIES,
  type Priority,
  REPORT_STATUSES,
  type ReportStatus,
} from '../reports/statuses.ts';

/** How many characters of the description the inbox shows. */
export const INBOX_DESCRIPTION_LENGTH = 200;

const NamedRef = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() });

export const InboxItemSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    ref: Type.String({ description: 'Reference, e.g. 4001-2026-00012' }),
    status: stringEnum(REPORT_STATUSES),
    priority: stringEnum(PRIORITIES),
    acute: Type.Boolean(),
    channel: stringEnum(CHANNELS),
    category: NamedRef,
    group: NamedRef,
    description: Type.String({ description: `The first ${INBOX_DESCRIPTION_LENGTH} characters` }),
    address: Type.Union([Type.String(), Type.Null()]),
    lat: Type.Union([Type.Number(), Type.Null()]),
    lon: Type.Union([Type.Number(), Type.Null()]),
    team: Type.Union([NamedRef, Type.Null()]),
    assignee: Type.Union([NamedRef, Type.Null()]),
    dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    overdue: Type.Boolean({ description: 'Open and past its due time' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { description: 'A report as the inbox lists it (no contact details)' },
);

export interface InboxItem {
  id: string;
  ref: string;
  status: ReportStatus;
  priority: Priority;
  acute: boolean;
  channel: Channel;
  category: { id: string; name: string };
  group: { id: string; name: string };
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  team: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One row as `inboxItemColumns` selects it. */
export interface InboxItemRow {
  id: string;
  ref: string;
  status: ReportStatus;
  priority: Priority;
  acute: boolean;
  channel: Channel;
  category_id: string;
  category_name: LocalizedText;
  group_id: string;
  group_name: LocalizedText;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  team_id: string | null;
  team_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date | string | null;
  overdue: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

/**
 * The columns `InboxItemRow` needs, for a query over `reports r` joined with
 * `categories c`, `category_groups g`, and left-joined `teams t` and `staff_users u`
 * (see `inboxItemJoins`).
 */
export const inboxItemColumns: SQL = sql.raw(`r.id, r.ref, r.status, r.priority, r.acute, r.channel,
  c.id as category_id, c.name as category_name, g.id as group_id, g.name as group_name,
  left(r.description, ${INBOX_DESCRIPTION_LENGTH}) as description, r.address, r.lat, r.lon,
  t.id as team_id, t.name as team_name, u.id as assignee_id, u.name as assignee_name,
  r.due_at, (r.status in ('mottatt', 'under_behandling', 'planlagt') and r.due_at < now()) as overdue,
  r.created_at, r.updated_at`);

export const inboxItemJoins: SQL = sql.raw(`join categories c on c.id = r.category_id
  join category_groups g on g.id = c.group_id
  left join teams t on t.id = r.team_id
  left join staff_users u on u.id = r.assignee_id`);

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function presentInboxItem(row: InboxItemRow, language: Language): InboxItem {
  return {
    id: row.id,
    ref: row.ref,
    status: row.status,
    priority: row.priority,
    acute: row.acute,
    channel: row.channel,
    category: { id: row.category_id, name: localize(row.category_name, language) },
    group: { id: row.group_id, name: localize(row.group_name, language) },
    description: row.description.slice(0, INBOX_DESCRIPTION_LENGTH),
    address: row.address,
    lat: row.lat,
    lon: row.lon,
    team: row.team_id !== null && row.team_name !== null ? { id: row.team_id, name: row.team_name } : null,
    assignee:
      row.assignee_id !== null && row.assignee_name !== null
        ? { id: row.assignee_id, name: row.assignee_name }
        : null,
    dueAt: row.due_at === null ? null : iso(row.due_at),
    overdue: row.overdue,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
