// Starts a run of the asset import: one at a time per municipality (a second gets 409 while the
// first runs), recorded in `asset_imports` and in the audit log. A run left 'running' by a process
// that died is closed as interrupted after STALE_MINUTES, so it cannot block imports for ever.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { localize } from '../../../shared/language.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { assetImportMessages } from './asset-import-messages.ts';

export const STALE_MINUTES = 30;

export interface AssetTypeRef {
  id: string;
  code: string;
}

/** The municipality's asset types, findable by code and by name (any language), case-blind. */
export async function loadAssetTypes(
  db: Database,
  kommunenummer: string,
): Promise<{ byKey: Map<string, AssetTypeRef>; codes: string[] }> {
  const rows = await queryRows<{ id: string; code: string; name: { nb: string; nn?: string; en?: string } }>(
    db,
    sql`select id, code, name from asset_types where kommunenummer = ${kommunenummer} order by sort_order, code`,
  );
  const byKey = new Map<string, AssetTypeRef>();
  for (const row of rows) {
    const ref = { id: row.id, code: row.code };
    for (const name of [row.name.nb, row.name.nn, row.name.en]) {
      if (name && !byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), ref);
    }
  }
  // Codes win over names.
  for (const row of rows) byKey.set(row.code.toLowerCase(), { id: row.id, code: row.code });
  return { byKey, codes: rows.map((r) => r.code) };
}

export async function startAssetImport(
  db: Database,
  input: { kommunenummer: string; startedBy: string | null; fileName: string; bytesTotal: number },
): Promise<string> {
  return db.transaction(async (tx) => {
    // Two uploads at once must not both pass the check below.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`asset_import:${input.kommunenummer}`}))`);
    await tx.execute(sql`update asset_imports
        set state = 'failed', finished_at = now(), error = ${localize(assetImportMessages.interrupted(), 'nb')}
      where kommunenummer = ${input.kommunenummer} and state = 'running'
        and started_at < now() - make_interval(mins => ${STALE_MINUTES})`);
    const running = await queryRows<{ id: string }>(
      tx,
      sql`select id from asset_imports where kommunenummer = ${input.kommunenummer} and state = 'running' limit 1`,
    );
    if (running.length > 0) throw new AppError(409, 'asset_import_running', assetImportMessages.running());
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into asset_imports (kommunenummer, started_by, file_name, bytes_total)
          values (${input.kommunenummer}, ${input.startedBy}, ${input.fileName.slice(0, 200)},
                  ${Math.min(input.bytesTotal, 2 ** 31 - 1)})
          returning id`,
    );
    if (!row) throw new Error('asset_imports insert returned nothing');
    await recordAudit(tx, {
      kommunenummer: input.kommunenummer,
      actorId: input.startedBy,
      action: 'asset_import.started',
      entityType: 'asset_import',
      entityId: row.id,
      after: { fileName: input.fileName.slice(0, 200), bytes: input.bytesTotal },
    });
    return row.id;
  });
}
