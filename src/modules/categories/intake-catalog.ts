// Report intake looks up the same municipality and category rows for every report. This keeps
// them in memory. Staleness is safe: each cached row carries its version (PostgreSQL's xmin), the
// statement that stores a report checks those versions, and a report checked against a changed
// category is checked again against the fresh one. Unknown codes are never cached.
import type { Queryable } from '../../db/client.ts';
import { findIntakeTarget, type IntakeTargetRow } from './queries.ts';

export interface IntakeTarget extends IntakeTargetRow {
  /** True when served from memory; a refusal based on it is confirmed against the database. */
  fromCache: boolean;
}

export interface IntakeCatalog {
  /** Undefined when the municipality is not a tenant at all. */
  get(kommunenummer: string, code: string): Promise<IntakeTarget | undefined>;
  /** Reads the rows again, bypassing and renewing the cache. */
  refresh(kommunenummer: string, code: string): Promise<IntakeTarget | undefined>;
}

/** Upper bound on cached entries: every category of a few hundred municipalities. */
const MAX_ENTRIES = 20_000;

export function createIntakeCatalog(db: Queryable): IntakeCatalog {
  const entries = new Map<string, IntakeTargetRow>();
  const refresh = async (kommunenummer: string, code: string) => {
    const key = `${kommunenummer}/${code}`;
    const row = await findIntakeTarget(db, kommunenummer, code);
    if (row?.category) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, row);
    } else {
      entries.delete(key);
    }
    return row ? { ...row, fromCache: false } : undefined;
  };
  return {
    async get(kommunenummer, code) {
      const cached = entries.get(`${kommunenummer}/${code}`);
      return cached ? { ...cached, fromCache: true } : refresh(kommunenummer, code);
    },
    refresh,
  };
}
