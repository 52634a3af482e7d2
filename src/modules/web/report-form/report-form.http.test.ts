// The report form over real HTTP (no browser): every step posts and redirects, a post without
// our token or with the honeypot filled creates nothing, and nothing typed is lost on an error.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../../test/support/factories.ts';
import { jpeg } from '../../../../test/support/images.ts';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { reportPhotos } from '../../photos/schema.ts';
import { reportDrafts, reports } from '../../reports/schema.ts';
import { forgetOldDrafts } from './forget-old-drafts.ts';

function formToken(html: string): string {
  const match = /name="_token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form token on the page');
  return match[1];
}

describe.each(databaseKinds())('the report form over HTTP on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { mapTileUrl: '' });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  async function post(fields: Record<string, string>, files: Buffer[] = []) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const [i, file] of files.entries())
      form.append('photos', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), `photo-${i}.jpg`);
    return fetch(`${t.baseUrl}/porsgrunn/meld`, { method: 'POST', body: form, redirect: 'manual' });
  }

  async function countReports(): Promise<number> {
    const [row] = await t.ctx.db.db.select({ n: sql<number>`count(*)::int` }).from(reports);
    return row?.n ?? 0;
  }

  it('goes form → review → send → receipt, and the report has the photo', async () => {
    const page = await (await fetch(`${t.baseUrl}/porsgrunn/meld`)).text();
    const answer = await post(
      {
        _token: formToken(page),
        category: 'vann-lekkasje',
        address: 'Storgata 12',
        description: 'Vann på fortauet',
        'answers.mengde': 'renner',
        'contact.email': 'kari@example.no',
        'contact.notify': 'email',
      },
      [await jpeg(1200, 900)],
    );
    expect(answer.status).toBe(303);
    const review = answer.headers.get('location') ?? '';
    expect(review).toMatch(/^\/porsgrunn\/meld\/[0-9a-f-]{36}$/);
    const reviewPage = await (await fetch(`${t.baseUrl}${review}`)).text();
    expect(reviewPage).toContain('Vann på fortauet');
    const sent = await fetch(`${t.baseUrl}${review}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _token: formToken(reviewPage) }),
      redirect: 'manual',
    });
    expect(sent.status).toBe(303);
    const receipt = sent.headers.get('location') ?? '';
    expect(receipt).toMatch(/^\/porsgrunn\/meldinger\/4001-\d{4}-\d{5}\/kvittering\?token=/);
    const ref = receipt.split('/')[3] ?? '';
    const [report] = await t.ctx.db.db.select().from(reports).where(eq(reports.ref, ref));
    expect(report).toMatchObject({ channel: 'web', address: 'Storgata 12', answers: { mengde: 'renner' } });
    const photos = await t.ctx.db.db
      .select()
      .from(reportPhotos)
      .where(eq(reportPhotos.reportId, report?.id ?? ''));
    expect(photos).toHaveLength(1);
    // The draft is gone once sent; sending again finds nothing.
    const again = await fetch(`${t.baseUrl}${review}/send`, { method: 'POST', redirect: 'manual' });
    expect(again.status).toBe(404);
  });

  it('sends a draft once when "send" arrives twice at the same time (a double tap)', async () => {
    const page = await (await fetch(`${t.baseUrl}/porsgrunn/meld`)).text();
    const answer = await post({
      _token: formToken(page),
      category: 'vei-hull',
      address: 'Kirkegata 3',
      description: 'Dobbelttrykk',
    });
    const review = answer.headers.get('location') ?? '';
    const reviewPage = await (await fetch(`${t.baseUrl}${review}`)).text();
    const before = await countReports();
    const send = () =>
      fetch(`${t.baseUrl}${review}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _token: formToken(reviewPage) }),
        redirect: 'manual',
      });
    const answers = await Promise.all([send(), send(), send()]);
    // One goes through; the others find the draft being sent (back to the review) or already
    // sent (a page saying so) — never a second report.
    for (const a of answers) expect([303, 404]).toContain(a.status);
    expect(answers.filter((a) => (a.headers.get('location') ?? '').includes('/kvittering'))).toHaveLength(1);
    expect(await countReports()).toBe(before + 1);
  });

  it('keeps everything typed when a step fails, and marks the problems', async () => {
    const before = await countReports();
    // Without a valid token what was typed is kept, but nothing is checked for it yet.
    const answer = await post({
      _token: 'forged.token',
      category: 'vann-lekkasje',
      description: 'Min tekst',
      'contact.name': 'Ola',
    });
    expect(answer.status).toBe(303);
    const back = answer.headers.get('location') ?? '';
    expect(back).toMatch(/^\/porsgrunn\/meld\?utkast=[0-9a-f-]{36}#error-summary$/);
    const page = await (await fetch(`${t.baseUrl}${back}`)).text();
    expect(page).toContain('Min tekst');
    expect(page).toContain('value="Ola"');
    expect(page).toContain('Skjemaet var for gammelt eller kom fra et annet sted.');
    expect(page).not.toContain('Oppgi hvor problemet er');
    // Sent again from that page (with its fresh token), the problems are marked.
    const draft = /utkast=([0-9a-f-]{36})/.exec(back)?.[1] ?? '';
    const again = await post({
      _token: formToken(page),
      draft,
      category: 'vann-lekkasje',
      description: 'Min tekst',
      'contact.name': 'Ola',
    });
    const checked = await (await fetch(`${t.baseUrl}${again.headers.get('location') ?? ''}`)).text();
    expect(checked).toContain('Min tekst');
    expect(checked).not.toContain('Skjemaet var for gammelt eller kom fra et annet sted.');
    expect(checked).toContain('Oppgi hvor problemet er');
    expect(await countReports()).toBe(before);
  });

  it("shows a mistyped follower address on the report's page, not an error page", async () => {
    const created = await t.request('POST', '/api/v1/reports', {
      body: { category: 'vei-hull', location: { lat: 59.14, lon: 9.66 }, description: 'Hull' },
    });
    const page = await (await fetch(`${t.baseUrl}/porsgrunn/meldinger/${created.body.ref}`)).text();
    const answer = await fetch(`${t.baseUrl}/porsgrunn/meldinger/${created.body.ref}/folg`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _token: formToken(page), email: 'ikke-en-adresse' }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain('E-postadressen ser ikke riktig ut');
    expect(html).toContain(`Melding ${created.body.ref}`);
  });

  it('refuses a post with the honeypot filled, and stores nothing', async () => {
    const page = await (await fetch(`${t.baseUrl}/porsgrunn/meld`)).text();
    const before = await countReports();
    const answer = await post({
      _token: formToken(page),
      website: 'http://spam.example',
      category: 'vann-lekkasje',
      address: 'x',
      description: 'x',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(await countReports()).toBe(before);
  });

  it('forgets drafts after a day, with their photo files', async () => {
    const page = await (await fetch(`${t.baseUrl}/porsgrunn/meld`)).text();
    const answer = await post({ _token: formToken(page), description: 'Glemt utkast' }, [
      await jpeg(300, 200),
    ]);
    const draftId = /utkast=([0-9a-f-]{36})/.exec(answer.headers.get('location') ?? '')?.[1] ?? '';
    const [photo] = await t.ctx.db.db.select().from(reportPhotos).where(eq(reportPhotos.draftId, draftId));
    expect(photo).toBeDefined();
    expect(await t.ctx.photos.get(photo?.storageKey ?? '', 'thumb')).toBeDefined();

    expect(await forgetOldDrafts(t.ctx.db.db, t.ctx.photos)).toBe(0);
    await t.ctx.db.db
      .update(reportDrafts)
      .set({ updatedAt: new Date(Date.now() - 25 * 3600_000) })
      .where(eq(reportDrafts.id, draftId));
    expect(await forgetOldDrafts(t.ctx.db.db, t.ctx.photos)).toBeGreaterThanOrEqual(1);
    expect(await t.ctx.db.db.select().from(reportDrafts).where(eq(reportDrafts.id, draftId))).toEqual([]);
    expect(await t.ctx.photos.get(photo?.storageKey ?? '', 'thumb')).toBeUndefined();
  });
});
