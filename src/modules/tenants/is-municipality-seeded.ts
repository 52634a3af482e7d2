// Whether a municipality's seed data is all stored already, asked in one statement, so that a
// restart of the demo skips seedMunicipality's few dozen statements (it would add nothing).
import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import type { DemoMunicipality } from './demo/porsgrunn.ts';

function list(values: readonly string[]): SQL {
  return values.length === 0
    ? sql`(null)`
    : sql`(${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;
}

export async function isMunicipalitySeeded(db: Database, data: DemoMunicipality): Promise<boolean> {
  const k = data.kommunenummer;
  const teamCodes = data.teams.map((t) => t.code);
  const groupCodes = data.groups.map((g) => g.code);
  const categoryCodes = data.groups.flatMap((g) => g.categories.map((c) => c.code));
  const linkCodes = (data.reportLinks ?? []).map((l) => l.code);
  const [row] = await queryRows<{ m: number; t: number; g: number; c: number; l: number }>(
    db,
    sql`select
      (select count(*) from municipalities where kommunenummer = ${k})::int as m,
      (select count(*) from teams where kommunenummer = ${k} and code in ${list(teamCodes)})::int as t,
      (select count(*) from category_groups where kommunenummer = ${k} and code in ${list(groupCodes)})::int as g,
      (select count(*) from categories where kommunenummer = ${k} and code in ${list(categoryCodes)})::int as c,
      (select count(*) from report_links where code in ${list(linkCodes)})::int as l`,
  );
  return (
    row?.m === 1 &&
    row.t === new Set(teamCodes).size &&
    row.g === new Set(groupCodes).size &&
    row.c === new Set(categoryCodes).size &&
    row.l === new Set(linkCodes).size
  );
}
