import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { INBOX, postReport, setReportState } from '../../../test/support/inbox.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { csvCell } from '../../shared/csv.ts';

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'));
}

describe('csv cells', () => {
  it('defuses formulas and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+47 912')).toBe("'+47 912");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
  });
});

describe.each(databaseKinds())('CSV export on %s', (kind) => {
  let t: TestApp;
  let handler: StaffClient;
  let reader: StaffClient;
  let field: StaffClient;
  let outsider: StaffClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.ctx.db.db;
    await buildPorsgrunn(db);
    await buildMunicipality(db, { kommunenummer: '4003', name: 'Skien', slug: 'skien-export' });
    handler = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['saksbehandler'] }));
    reader = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['leser'] }));
    field = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['feltarbeider'] }));
    outsider = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4003', roles: ['admin'] }));
    const evil = await postReport(t, {
      description: '=HYPERLINK("http://evil.example","klikk"); vann',
      contact: { name: '@Kari', email: 'kari@example.no', phone: '+47 912 34 567', notify: 'email' },
    });
    await setReportState(t, evil.id, { createdAt: '2025-06-01T10:00:00Z', dueAt: '2025-06-02T10:00:00Z' });
    // More than one batch of the export (1000 rows), straight in SQL: copies of the first report.
    await db.execute(sql`insert into reports (ref, kommunenummer, category_id, status, channel, description, lat, lon,
        tracking_token_hash, created_at)
      select '4001-1999-' || lpad(n::text, 5, '0'), kommunenummer, category_id, 'lukket', channel, 'Kopi ' || n, lat, lon,
        tracking_token_hash, created_at - make_interval(days => n)
      from reports, generate_series(1, 1100) as n where id = ${evil.id}::uuid`);
  });
  afterAll(() => t?.close());

  it('streams every matching report, without personal data by default', async () => {
    const response = await reader.request('GET', `${INBOX}/reports/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="meldinger-4001-/);
    const raw = await fetch(`${t.baseUrl}${INBOX}/reports/export.csv`, {
      headers: { cookie: reader.cookie },
    });
    const bytes = new Uint8Array(await raw.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.text.split('\r\n')[0]).toBe(
      'ref;received;status;category;group;address;lat;lon;team;assignee;due;priority;channel;description',
    );
    const rows = parseCsv(response.text);
    expect(rows).toHaveLength(1 + 1101);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1102);
    const first = response.text.split('\r\n')[1] ?? '';
    expect(first).toContain(
      ';2025-06-01 12:00;Mottatt;Vannlekkasje;Vann;;59.14;9.66;VA drift;;2025-06-02 12:00;normal;api;',
    );
    expect(first).toContain(`"'=HYPERLINK(""http://evil.example"",""klikk""); vann"`);
    expect(response.text).not.toContain('kari@example.no');
  });

  it('applies the filters and the language', async () => {
    const response = await reader.request('GET', `${INBOX}/reports/export.csv?status=mottatt&lang=en`);
    const rows = parseCsv(response.text);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[2]).toBe('Received');
    expect(rows[1]?.[3]).toBe('Water leak');
  });

  it('adds contact details with personal=true for case workers, and logs it', async () => {
    const response = await handler.request('GET', `${INBOX}/reports/export.csv?personal=true&status=mottatt`);
    expect(response.status).toBe(200);
    const rows = parseCsv(response.text);
    expect(rows[0]?.slice(10, 13)).toEqual(['name', 'email', 'phone']);
    expect(rows[1]?.slice(10, 13)).toEqual(["'@Kari", 'kari@example.no', "'+4791234567"]);
    const audit = await queryRows<{ action: string; after: { query: Record<string, string> } }>(
      t.ctx.db.db,
      sql`select action, after from audit_log where action = 'report.export_personal'`,
    );
    expect(audit).toEqual([{ action: 'report.export_personal', after: { query: { status: 'mottatt' } } }]);
  });

  it('refuses personal data to a reader (403) and the export to roles without case.export', async () => {
    const personal = await reader.request('GET', `${INBOX}/reports/export.csv?personal=true`);
    expect(personal.status).toBe(403);
    expect(personal.body.error.code).toBe('forbidden');
    expect((await field.request('GET', `${INBOX}/reports/export.csv`)).status).toBe(403);
    expect((await outsider.request('GET', `${INBOX}/reports/export.csv`)).status).toBe(403);
    expect((await t.request('GET', `${INBOX}/reports/export.csv`)).status).toBe(401);
  });
});
