// Reading asset import runs for the admin page: one run with its rejected lines, or the recent
// runs of a municipality. A run of another municipality is not found (404), whoever asks.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { assetImportMessages } from './asset-import-messages.ts';
import { RECENT_IMPORTS } from './http-schemas.ts';

interface RunRow {
  id: string;
  file_name: string;
  state: 'running' | 'done' | 'failed';
  started_by_name: string | null;
  bytes_read: number;
  bytes_total: number | null;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
  started_at: Date | string;
  finished_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function present(row: RunRow) {
  return {
    id: row.id,
    fileName: row.file_name,
    state: row.state,
    startedBy: row.started_by_name,
    bytesRead: row.bytes_read,
    bytesTotal: row.bytes_total,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    error: row.error,
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
  };
}

const columns = sql`i.id, i.file_name, i.state, u.name as started_by_name, i.bytes_read, i.bytes_total, i.created,
  i.updated, i.unchanged, i.rejected, i.error, i.started_at, i.finished_at`;

export async function getAssetImport(db: Database, kommunenummer: string, id: string) {
  const [row] = await queryRows<
    RunRow & { rejections: { line: number; externalId?: string; reason: string }[] }
  >(
    db,
    sql`select ${columns}, i.rejections from asset_imports i left join staff_users u on u.id = i.started_by
         where i.kommunenummer = ${kommunenummer} and i.id = ${id}::uuid`,
  );
  if (!row) throw new AppError(404, 'asset_import_not_found', assetImportMessages.notFound());
  return { ...present(row), rejections: row.rejections };
}

export async function listAssetImports(db: Database, kommunenummer: string) {
  const rows = await queryRows<RunRow>(
    db,
    sql`select ${columns} from asset_imports i left join staff_users u on u.id = i.started_by
         where i.kommunenummer = ${kommunenummer} order by i.started_at desc limit ${RECENT_IMPORTS}`,
  );
  return { imports: rows.map(present) };
}
