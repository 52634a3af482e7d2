// The public statistics page (/{slug}/statistikk) and its CSV through the real app on both
// databases: the last 12 months per group with zeros and "–" where nothing came in, the same
// figures as the staff dashboard, no personal data, linked from the start page and the footer,
// and kept a few minutes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { publicStatisticsRange } from '../stats/public-statistics.ts';
import { monthsOf } from '../stats/report-figures.ts';

interface Shape {
  status?: string;
  createdAt: Date;
  replyAfterHours?: number;
  doneAfterHours?: number;
  dueAfterHours?: number;
}

const HOUR = 3600_000;

describe.each(databaseKinds())('the public statistics page on %s', (kind) => {
  let t: TestApp;
  const range = publicStatisticsRange();
  const months = monthsOf(range);
  // The month before this one, so every report is in the past whatever day the test runs.
  const previous = months[10] ?? '';
  const at = (day: number, hour: number) =>
    new Date(`${previous}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);

  async function report(category: string, shape: Shape) {
    const answers = category === 'avlop-kumlokk' ? { tilstand: 'lost' } : {};
    const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody({ category, answers }) });
    expect(res.status).toBe(201);
    const plus = (hours: number | undefined) =>
      hours === undefined ? null : new Date(shape.createdAt.getTime() + hours * HOUR).toISOString();
    await t.ctx.db.db.execute(sql`update reports set
        status = ${shape.status ?? 'mottatt'},
        created_at = ${shape.createdAt.toISOString()}::timestamptz,
        first_public_reply_at = ${plus(shape.replyAfterHours)}::timestamptz,
        done_at = ${plus(shape.doneAfterHours)}::timestamptz,
        due_at = ${plus(shape.dueAfterHours)}::timestamptz
      where id = ${res.body.id}::uuid`);
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    // Vann: one done in time (reply 2 h, done 10 h), one late (reply 4 h, done 50 h).
    await report('vann-lekkasje', {
      status: 'utfort',
      createdAt: at(10, 10),
      replyAfterHours: 2,
      doneAfterHours: 10,
      dueAfterHours: 24,
    });
    await report('vann-lavt-trykk', {
      status: 'utfort',
      createdAt: at(10, 12),
      replyAfterHours: 4,
      doneAfterHours: 50,
      dueAfterHours: 24,
    });
    // Avløp: open past its deadline, no reply.
    await report('avlop-kumlokk', { createdAt: at(11, 9), dueAfterHours: 1 });
    // Thirteen months ago: outside the page's year.
    await report('vann-lekkasje', {
      createdAt: new Date(Date.parse(`${months[0]}-01T00:00:00Z`) - 40 * 24 * HOUR),
    });
  });
  afterAll(() => t?.close());

  function row(page: string, group: string, month: string): string[] {
    const section = page.slice(page.indexOf(`data-group="${group}"`));
    const start = section.indexOf(`<tr data-month="${month}">`);
    expect(start).toBeGreaterThan(-1);
    const tr = section.slice(start, section.indexOf('</tr>', start));
    return [...tr.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => (m[1] ?? '').replace(/\s/g, ' '));
  }

  it('shows every month of the year per group, with the medians and the deadline share', async () => {
    const res = await t.request('GET', '/porsgrunn/statistikk?lang=nb');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = res.text;
    expect(page).toContain('<h1>Slik følger vi opp meldingene</h1>');
    expect(row(page, 'alle', previous).slice(1)).toEqual(['3', '3 timer', '30 timer', '33 %']);
    expect(row(page, 'vann', previous).slice(1)).toEqual(['2', '3 timer', '30 timer', '50 %']);
    expect(row(page, 'avlop', previous).slice(1)).toEqual(['1', '–', '–', '0 %']);
    // A month without reports: 0 and "–".
    expect(row(page, 'alle', months[9] ?? '').slice(1)).toEqual(['0', '–', '–', '–']);
    expect(page.match(/<tr data-month=/g)?.length).toBe(3 * 12);
    // The chart is an image with a text alternative; the table beside it is the accessible view.
    expect(page).toMatch(/<svg class="stats-chart"[^>]*role="img"[^>]*aria-labelledby="stats-alle-title"/);
    expect(page).toContain('Stolpediagram over meldinger per måned, Alle tema: 3 meldinger på 12 måneder.');
    // No personal data: the reporter's name, e-mail and phone are in the reports, not on the page.
    for (const personal of ['Kari', 'kari@example.no', '912 34 567', 'Vann renner opp']) {
      expect(page).not.toContain(personal);
    }
  });

  it('speaks nynorsk and English', async () => {
    const nn = await t.request('GET', '/porsgrunn/statistikk?lang=nn');
    expect(nn.text).toContain('<h1>Slik følgjer vi opp meldingane</h1>');
    const en = await t.request('GET', '/porsgrunn/statistikk?lang=en');
    expect(en.text).toContain('<h1>How we follow up reports</h1>');
    expect(row(en.text, 'vann', previous).slice(1)).toEqual(['2', '3 hours', '30 hours', '50%']);
  });

  it('offers the figures as CSV for Norwegian Excel: BOM, semicolons, decimal comma', async () => {
    const res = await fetch(`${t.baseUrl}/porsgrunn/statistikk.csv?lang=nb`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="porsgrunn-statistikk-\d{4}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe(
      'Tema;Måned;Meldinger;Median timer til første svar;Median timer til utført;Andel utført innen fristen',
    );
    expect(lines).toContain(`Alle tema;${previous};3;3,0;30,0;0,333`);
    expect(lines).toContain(`Vann;${previous};2;3,0;30,0;0,500`);
    expect(lines).toContain(`Alle tema;${months[9]};0;;;`);
    expect(lines.length).toBe(1 + 3 * 12 + 1);
  });

  it('has the same figures as the staff dashboard over the same months', async () => {
    const reader = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] }),
    );
    const res = await reader.request(
      'GET',
      `/api/v1/staff/m/4001/dashboard?from=${range.from}&to=${range.to}`,
    );
    expect(res.status).toBe(200);
    const all = res.body.perGroupMonth[0].months.find((m: { month: string }) => m.month === previous);
    expect(all).toEqual({
      month: previous,
      received: 3,
      medianHoursToFirstReply: 3,
      medianHoursToDone: 30,
      shareDoneWithinDeadline: 0.3333,
    });
  });

  it('is linked from the start page and the footer', async () => {
    const res = await t.request('GET', '/porsgrunn?lang=nb');
    expect(res.text).toContain(
      '<a href="/porsgrunn/statistikk">Statistikk: slik følger vi opp meldingene</a>',
    );
    expect(res.text).toContain('<a href="/porsgrunn/statistikk">Statistikk</a>');
  });

  it('keeps its figures a few minutes: a new report shows later, not at once', async () => {
    const before = await t.request('GET', '/porsgrunn/statistikk?lang=nb');
    await report('vann-lekkasje', { createdAt: at(12, 8) });
    const after = await t.request('GET', '/porsgrunn/statistikk?lang=nb');
    expect(row(after.text, 'alle', previous)[1]).toBe(row(before.text, 'alle', previous)[1]);
  });

  it('answers an unknown municipality with 404', async () => {
    expect((await t.request('GET', '/finnes-ikke/statistikk')).status).toBe(404);
    expect((await t.request('GET', '/finnes-ikke/statistikk.csv')).status).toBe(404);
  });
});
