import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgErrorCode } from './errors.ts';
import { queryNamedOnPglite } from './pglite-prepared.ts';

describe('named prepared statements on PGlite', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = new PGlite();
    await pglite.waitReady;
    await pglite.exec(
      `create table things (id int primary key, name text not null, tags jsonb, seen timestamptz)`,
    );
  });
  afterAll(() => pglite.close());

  const insert = `insert into things (id, name, tags, seen) values ($1, $2, $3::jsonb, $4::timestamptz)
    returning id, name, tags, seen`;

  it('prepares a statement once and runs it with typed parameters and parsed rows', async () => {
    const seen = new Date('2026-12-02T06:00:00Z');
    const first = await queryNamedOnPglite(pglite, 'mp_insert', insert, [
      1,
      'hydrant',
      '{"a":1}',
      seen.toISOString(),
    ]);
    const second = await queryNamedOnPglite(pglite, 'mp_insert', insert, [2, 'kum', null, null]);
    expect(first).toEqual([{ id: 1, name: 'hydrant', tags: { a: 1 }, seen }]);
    expect(second).toEqual([{ id: 2, name: 'kum', tags: null, seen: null }]);
    const prepared = await pglite.query<{ name: string }>(
      `select name from pg_prepared_statements where name = 'mp_insert'`,
    );
    expect(prepared.rows).toHaveLength(1);
  });

  it('reports a failing execution with its SQLSTATE and keeps the statement usable', async () => {
    const error = await queryNamedOnPglite(pglite, 'mp_insert', insert, [1, 'again', null, null]).catch(
      (caught: unknown) => caught,
    );
    expect(pgErrorCode(error)).toBe('23505');
    const notNull = await queryNamedOnPglite(pglite, 'mp_insert', insert, [3, null, null, null]).catch(
      (caught: unknown) => caught,
    );
    expect(pgErrorCode(notNull)).toBe('23502');
    expect((notNull as { column?: string }).column).toBe('name');
    expect(await queryNamedOnPglite(pglite, 'mp_insert', insert, [3, 'valve', null, null])).toHaveLength(1);
  });

  it('does not remember a statement that failed to prepare, so it works once its table exists', async () => {
    const text = 'select count(*)::int as n from later';
    const missing = await queryNamedOnPglite(pglite, 'mp_later', text, []).catch((caught: unknown) => caught);
    expect(pgErrorCode(missing)).toBe('42P01');
    await pglite.exec('create table later (id int)');
    expect(await queryNamedOnPglite(pglite, 'mp_later', text, [])).toEqual([{ n: 0 }]);
  });
});
