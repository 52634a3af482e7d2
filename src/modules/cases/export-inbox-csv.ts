// The inbox as a CSV file for Norwegian Excel: UTF-8 with a BOM, `;` between cells, CRLF lines.
// Every matching report, read in keyset batches so a large export streams without holding the
// whole result in memory. Contact details only when asked for (the route checks the policy).
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { csvCell } from '../../shared/csv.ts';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import { type ReportStatus, STATUS_INFO } from '../reports/statuses.ts';
import { afterCursor, type Cursor, cursorKeysColumn, orderBy } from './inbox-cursor.ts';
import { filterConditions, type InboxFilter, type InboxSort } from './inbox-filters.ts';

const BATCH = 1000;

const HEADER = [
  'ref',
  'received',
  'status',
  'category',
  'group',
  'address',
  'lat',
  'lon',
  'team',
  'assignee',
];
const HEADER_END = ['due', 'priority', 'channel', 'description'];
const PERSONAL = ['name', 'email', 'phone'];

interface ExportRow {
  id: string;
  ref: string;
  created_at: Date | string;
  status: ReportStatus;
  category_name: LocalizedText;
  group_name: LocalizedText;
  address: string | null;
  lat: number | null;
  lon: number | null;
  team_name: string | null;
  assignee_name: string | null;
  due_at: Date | string | null;
  priority: string;
  channel: string;
  description: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  cursor_keys: string[];
}

const OSLO_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function osloTime(value: Date | string | null): string {
  if (value === null) return '';
  return OSLO_TIME.format(value instanceof Date ? value : new Date(value));
}

function csvLine(cells: string[]): string {
  return `${cells.join(';')}\r\n`;
}

function selectBatch(
  db: Queryable,
  filter: InboxFilter,
  sort: InboxSort,
  personal: boolean,
  after: Cursor | undefined,
): Promise<ExportRow[]> {
  const conditions = after
    ? sql`${filterConditions(filter)} and ${afterCursor(after)}`
    : filterConditions(filter);
  const contact = personal
    ? sql`rc.name as contact_name, rc.email as contact_email, rc.phone as contact_phone`
    : sql`null as contact_name, null as contact_email, null as contact_phone`;
  return queryRows<ExportRow>(
    db,
    sql`select r.id, r.ref, r.created_at, r.status, c.name as category_name, g.name as group_name,
        r.address, r.lat, r.lon, t.name as team_name, u.name as assignee_name, r.due_at, r.priority,
        r.channel, r.description, ${contact}, ${cursorKeysColumn(sort)}
      from reports r
      join categories c on c.id = r.category_id
      join category_groups g on g.id = c.group_id
      left join teams t on t.id = r.team_id
      left join staff_users u on u.id = r.assignee_id
      ${personal ? sql`left join report_contacts rc on rc.report_id = r.id` : sql``}
      where ${conditions}
      order by ${orderBy(sort)}
      limit ${BATCH}`,
  );
}

export async function* exportInboxCsv(
  db: Queryable,
  filter: InboxFilter,
  options: { sort: InboxSort; personal: boolean; language: Language },
): AsyncGenerator<string> {
  const { sort, personal, language } = options;
  yield `\uFEFF${csvLine(personal ? [...HEADER, ...PERSONAL, ...HEADER_END] : [...HEADER, ...HEADER_END])}`;
  let after: Cursor | undefined;
  for (;;) {
    const rows = await selectBatch(db, filter, sort, personal, after);
    let chunk = '';
    for (const row of rows) {
      const cells = [
        csvCell(row.ref),
        csvCell(osloTime(row.created_at), { text: false }),
        csvCell(STATUS_INFO[row.status].label[language]),
        csvCell(localize(row.category_name, language)),
        csvCell(localize(row.group_name, language)),
        csvCell(row.address),
        csvCell(row.lat),
        csvCell(row.lon),
        csvCell(row.team_name),
        csvCell(row.assignee_name),
      ];
      if (personal)
        cells.push(csvCell(row.contact_name), csvCell(row.contact_email), csvCell(row.contact_phone));
      cells.push(
        csvCell(osloTime(row.due_at), { text: false }),
        csvCell(row.priority),
        csvCell(row.channel),
        csvCell(row.description),
      );
      chunk += csvLine(cells);
    }
    if (chunk) yield chunk;
    const last = rows.at(-1);
    if (rows.length < BATCH || !last) return;
    after = { sort, keys: last.cursor_keys, id: last.id };
  }
}
