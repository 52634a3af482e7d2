// The inbox benchmark's data: a municipality with many reports, made straight in SQL (1,000,000
// in about two minutes on PostgreSQL), plus a second municipality whose reports every query must
// leave out. Used by bench/inbox.ts; kept apart so the figures can be measured again on the same
// data (INBOX_BENCH_DATABASE) without making it anew.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Database } from '../src/db/client.ts';
import { createStaffUser } from '../src/modules/accounts/create-staff-user.ts';

export const BENCH_PASSWORD = 'bench horse battery staple';
export const BENCH_LOGIN = 'bench-0@porsgrunn.test';

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Reports over three years: most old ones closed, recent ones often open; categories, teams,
 * assignees, priorities, channels and addresses spread; descriptions from a small vocabulary.
 */
function generateSql(kommunenummer: string, count: number, assignees: string[], numberAfter: number): string {
  const people = assignees.length
    ? `array[${assignees.map((a) => `'${a}'::uuid`).join(',')}]`
    : `array[]::uuid[]`;
  return `
    with cats as (
      select array_agg(c.id order by c.code) as ids, array_agg(c.default_team_id order by c.code) as teams,
             array_agg(c.deadline_hours order by c.code) as hours
      from categories c where c.kommunenummer = '${kommunenummer}'),
    rows as (
      select n, random() as r1, random() as r2, random() as r3, random() as r4,
        now() - make_interval(secs => power(random(), 1.3) * 3 * 365 * 86400) as created
      from generate_series(1, ${count}) as n)
    insert into reports (ref, kommunenummer, category_id, status, channel, acute, description, address, lat, lon,
      tracking_token_hash, due_at, priority, team_id, assignee_id, created_at, updated_at)
    select '${kommunenummer}-' || extract(year from created)::int || '-' || lpad((n + ${numberAfter})::text, greatest(5, length((n + ${numberAfter})::text)), '0'),
      '${kommunenummer}',
      cats.ids[1 + ((n::bigint * 7919) % array_length(cats.ids, 1))::int],
      case
        when created > now() - interval '14 days' then (array['mottatt','mottatt','under_behandling','planlagt','utfort'])[1 + floor(r1 * 5)::int]
        when created > now() - interval '90 days' and r1 < 0.3 then (array['mottatt','under_behandling','planlagt'])[1 + floor(r2 * 3)::int]
        when r1 < 0.02 then (array['mottatt','under_behandling','planlagt'])[1 + floor(r2 * 3)::int]
        else (array['utfort','utfort','utfort','lukket','lukket','duplikat','privat_ansvar','videresendt','avvist'])[1 + floor(r2 * 9)::int]
      end,
      (array['web','web','web','web','qr','api','telefon','skranke','felt'])[1 + floor(r3 * 9)::int],
      r4 < 0.03,
      (array['Vannlekkasje','Brunt vann','Lavt trykk','Tett sluk','Kloakklukt','Kumlokk løst','Hull i veien','Gatelys virker ikke','Knust benk','Søppel i parken'])[1 + (n % 10)]
        || ' ved ' || (array['Storgata','Kirkegata','Skolegata','Vestsida','Brattsberg','Heistad','Stridsklev','Herøya'])[1 + (n % 8)]
        || ' ' || (n % 97) || '. ' || (array['Har vart i to dager.','Renner fra kummen.','Gjelder flere hus.','Haster.','Lukter vondt.','Barn leker her.'])[1 + (n % 6)],
      (array['Storgata','Kirkegata','Skolegata','Vestsida','Brattsberg','Heistad','Stridsklev','Herøya'])[1 + (n % 8)] || ' ' || (n % 97),
      59.10 + r1 * 0.08, 9.60 + r2 * 0.12,
      '\\x00'::bytea,
      created + make_interval(hours => coalesce(cats.hours[1 + ((n::bigint * 7919) % array_length(cats.ids, 1))::int], 72)),
      case when r3 < 0.1 then 'hoy' when r3 > 0.9 then 'lav' else 'normal' end,
      case when r4 < 0.05 then null else cats.teams[1 + ((n::bigint * 7919) % array_length(cats.ids, 1))::int] end,
      case when cardinality(${people}) = 0 or r4 > 0.6 then null else (${people})[1 + (n % greatest(cardinality(${people}), 1))] end,
      created,
      created + make_interval(secs => r2 * 7 * 86400)
    from rows, cats`;
}

/**
 * How many reports Porsgrunn has in the database, 0 while the data is still to be made. Skien's
 * reports are the mark that it was made: the demo a start loads has a few reports of Porsgrunn's
 * own (the hydrant with repeated faults, the field tasks) and none of Skien's.
 */
export async function benchReportCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `select case when exists (select 1 from reports where kommunenummer = '4003')
                 then (select count(*) from reports where kommunenummer = '4001') else 0 end as n`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Makes the data in a freshly migrated database with the demo municipality: eight case handlers
 * (the first can log in), Skien with one category, then `reports` reports for Porsgrunn and a
 * twentieth of that for Skien, loaded in bulk.
 */
export async function makeInboxData(client: pg.Client, db: Database, reports: number): Promise<void> {
  // A second municipality, so every query has someone else's reports to leave out.
  await client.query(`insert into municipalities (kommunenummer, name, slug, default_language, languages, enabled)
    values ('4003', 'Skien', 'skien', 'nb', '{nb,nn,en}', true) on conflict do nothing`);
  await client.query(
    `insert into category_groups (kommunenummer, code, name) values ('4003', 'vann', '{"nb":"Vann"}')`,
  );
  await client.query(`insert into categories (kommunenummer, group_id, code, name, deadline_hours)
    select '4003', id, 'vann-lekkasje', '{"nb":"Vannlekkasje"}', 48 from category_groups where kommunenummer = '4003'`);

  const assignees: string[] = [];
  for (let i = 0; i < 8; i++) {
    assignees.push(
      await createStaffUser(db, {
        email: `bench-${i}@porsgrunn.test`,
        name: `Saksbehandler ${i}`,
        ...(i === 0 ? { password: BENCH_PASSWORD } : {}),
        roles: [{ kommunenummer: '4001', role: 'saksbehandler' }],
      }),
    );
  }

  const generation = performance.now();
  // Bulk load: indexes built once afterwards instead of row by row.
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where tablename = 'reports'
       and indexname not in (select conname from pg_constraint where conrelid = 'reports'::regclass)`,
  );
  for (const index of indexes) await client.query(`drop index "${index.indexname}"`);
  // The demo's own reports (numbered from 1 in their years) keep their references: ours come after.
  const { rows: demo } = await client.query<{ n: number }>('select count(*)::int as n from reports');
  const numberAfter = demo[0]?.n ?? 0;
  await timed('insert Porsgrunn', () => client.query(generateSql('4001', reports, assignees, numberAfter)));
  await timed('insert Skien', () =>
    client.query(generateSql('4003', Math.round(reports / 20), [], numberAfter)),
  );
  await timed('create indexes', async () => {
    await client.query("set maintenance_work_mem = '256MB'");
    for (const index of indexes) await client.query(index.indexdef);
  });
  await timed('vacuum analyze', () => client.query('vacuum analyze reports'));
  console.log(`  generation total: ${((performance.now() - generation) / 1000).toFixed(1)} s`);
}
