import type { Queryable } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { isTimestamp } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { isUuid } from '../../shared/text.ts';
import { type PublicReportSummary, presentSummary } from './present-report.ts';
import { listPublicReports, type PublicReportFilter } from './queries.ts';
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from './statuses.ts';

export interface PublicReportPage {
  reports: PublicReportSummary[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

interface Cursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      // Every field in range, not just the shape: PostgreSQL casts it, and month 13 is a 400.
      isTimestamp(value[0]) &&
      typeof value[1] === 'string' &&
      isUuid(value[1])
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError(400, 'invalid_cursor', messages.invalidCursor(), [
    { field: 'cursor', code: 'invalid_cursor', message: messages.invalidCursor() },
  ]);
}

export async function listReportsForPublic(
  db: Queryable,
  filter: Omit<PublicReportFilter, 'after'> & { cursor?: string | undefined },
  language: Language,
): Promise<PublicReportPage> {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await listPublicReports(db, { ...filter, after });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    reports: page.map((row) => presentSummary(row, language)),
    nextCursor:
      rows.length > filter.limit && last ? encodeCursor({ createdAt: last.cursorAt, id: last.id }) : null,
  };
}

export function parseBbox(text: string): NonNullable<PublicReportFilter['bbox']> {
  const parts = text.split(',').map((p) => Number(p.trim()));
  const [minLon, minLat, maxLon, maxLat] = parts;
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLon !== undefined &&
    minLat !== undefined &&
    maxLon !== undefined &&
    maxLat !== undefined &&
    minLon >= -180 &&
    maxLon <= 180 &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLon < maxLon &&
    minLat < maxLat;
  if (!valid) {
    throw new AppError(400, 'invalid_bbox', messages.invalidBbox(), [
      { field: 'bbox', code: 'invalid_bbox', message: messages.invalidBbox() },
    ]);
  }
  return { minLon, minLat, maxLon, maxLat };
}

export function parseStatuses(text: string): ReportStatus[] {
  const wanted = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const result = new Set<ReportStatus>();
  for (const status of wanted) {
    if (status === 'open') {
      for (const s of OPEN_STATUSES) result.add(s);
    } else if (status === 'closed') {
      for (const s of REPORT_STATUSES) {
        if (!OPEN_STATUSES.includes(s)) result.add(s);
      }
    } else if ((REPORT_STATUSES as readonly string[]).includes(status)) {
      result.add(status as ReportStatus);
    } else {
      const message = messages.invalidField(
        `status "${status}"; use open, closed or ${REPORT_STATUSES.join(', ')}`,
      );
      throw new AppError(400, 'invalid_status', message, [
        { field: 'status', code: 'invalid_status', message },
      ]);
    }
  }
  return [...result];
}
