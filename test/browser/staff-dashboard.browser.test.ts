// The dashboard in Chromium: figures for a few reports made through the public API (one of them
// done), the charts' numbers as tables, the presets, and the CSV export offered by role.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logInAs } from '../support/staff.ts';
import { createApiReport, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

describe('the dashboard', () => {
  const web = useWebApp();

  it('shows figures, charts with their numbers, and the exports a case handler may make', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) refs.push((await createApiReport(web.t)).ref);
    // A fourth, received 60 days ago: in the last 90 days, not in the last 30.
    const older = (await createApiReport(web.t)).ref;
    await web.t.ctx.db.db.execute(
      sql`update reports set created_at = now() - interval '60 days' where ref = ${older}`,
    );
    const { page, user } = await logInPage(web.t, web.browser, ['saksbehandler'], 'Kari Saksbehandler');

    // One report answered and done, through the staff API.
    const staff = await logInAs(web.t, user);
    const inbox = await staff.request('GET', '/api/v1/staff/m/4001/reports');
    const first = (inbox.body.items as { id: string; ref: string }[]).find((i) => i.ref === refs[0]);
    const report = await staff.request('GET', `/api/v1/staff/m/4001/reports/${first?.id}`);
    const done = await staff.request('POST', `/api/v1/staff/m/4001/reports/${first?.id}/status`, {
      status: 'utfort',
      version: report.body.version,
      reply: 'Lekkasjen er tettet.',
    });
    expect(done.status).toBe(200);

    await page.goto(inside(web.t, 'dashboard'));
    await page.locator('h1', { hasText: 'Dashboard' }).waitFor();
    const figure = (label: string) => page.locator('.key-figure', { hasText: label }).locator('dd');
    await expect(figure('Meldinger mottatt').textContent()).resolves.toBe('3');
    await expect(figure('Median tid til arbeid utført').textContent()).resolves.toMatch(
      /^\d+([,.]\d)? timer$/,
    );

    // Each chart is a canvas with a summary, and its numbers are a table behind "Vis tallene".
    await expect(page.locator('canvas[role="img"]').count()).resolves.toBe(3);
    await page.getByText('Vis tallene: Meldinger etter status').click();
    const statusTable = page.locator('figure', { hasText: 'Meldinger etter status' }).locator('table');
    await expect(statusTable.locator('tr', { hasText: 'Mottatt' }).locator('td').textContent()).resolves.toBe(
      '2',
    );
    await page.getByText('Vis tallene: Meldinger etter kategori').click();
    const categoryTable = page.locator('figure', { hasText: 'Meldinger etter kategori' }).locator('table');
    await expect(
      categoryTable.locator('tr', { hasText: 'Vannlekkasje' }).locator('td').textContent(),
    ).resolves.toBe('3');

    // Presets change the period (in the address, so it can be shared).
    await page.getByRole('button', { name: 'Siste 90 dager' }).click();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=/);
    // The address changes before React renders the new period, so wait for the pressed button.
    await expect
      .poll(() => page.getByRole('button', { name: 'Siste 90 dager' }).getAttribute('aria-pressed'))
      .toBe('true');
    await expect.poll(() => figure('Meldinger mottatt').textContent(), { timeout: 5000 }).toBe('4');

    // A case handler may export with and without personal data; the link downloads the CSV.
    const plain = page.getByRole('link', { name: 'Eksporter CSV', exact: true });
    await expect(
      page.getByRole('link', { name: 'Eksporter CSV med personopplysninger' }).count(),
    ).resolves.toBe(1);
    const href = (await plain.getAttribute('href')) ?? '';
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type') ?? '' };
    }, href);
    expect(csv).toMatchObject({ status: 200 });
    expect(csv.type).toContain('text/csv');
    await page.context().close();
  });

  it('offers a reader the export without personal data, and the front desk no export', async () => {
    const reader = await logInPage(web.t, web.browser, ['leser'], 'Lise Leser');
    await reader.page.goto(inside(web.t, 'dashboard'));
    await reader.page.locator('.key-figures').waitFor();
    await expect(reader.page.getByRole('link', { name: 'Eksporter CSV', exact: true }).count()).resolves.toBe(
      1,
    );
    await expect(reader.page.getByRole('link', { name: /personopplysninger/ }).count()).resolves.toBe(0);
    await reader.page.context().close();

    const desk = await logInPage(web.t, web.browser, ['servicekontor']);
    await desk.page.goto(inside(web.t, 'dashboard'));
    await desk.page.locator('.key-figures').waitFor();
    await expect(desk.page.getByRole('link', { name: /Eksporter/ }).count()).resolves.toBe(0);
    await desk.page.context().close();
  });
});
