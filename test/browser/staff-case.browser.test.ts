// The case view in Chromium: merging two duplicates (the duplicate then says so and points to
// the primary), and a save refused because someone else changed the report meanwhile (409): the
// typed reply is kept, the reason shown, and after "Last inn på nytt" it goes through.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { buildStaffUser } from '../support/staff.ts';
import {
  axeViolations,
  createApiReport,
  expectNoViolations,
  openContext,
  useWebApp,
} from '../support/web.ts';

const K = '4001';

/** A tile server the browser never reaches: its tiles are answered by the test (a 1×1 PNG). */
const TILES = 'http://tiles.test/{z}/{x}/{y}.png';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describe('the case view', () => {
  const web = useWebApp({ mapTileUrl: TILES, mapAttribution: '© Testkart <b>' });

  async function logIn(): Promise<Page> {
    const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['saksbehandler'] });
    const context = await openContext(web.browser);
    await context.route('http://tiles.test/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
    );
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    return page;
  }

  async function idOf(ref: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      web.t.ctx.db.db,
      sql`select id from reports where ref = ${ref}`,
    );
    if (!row) throw new Error(`no report ${ref}`);
    return row.id;
  }

  async function openCase(page: Page, ref: string): Promise<void> {
    await page.goto(`${web.t.baseUrl}/admin/m/${K}/reports/${await idOf(ref)}`);
    await page.locator('#case-heading', { hasText: ref }).waitFor();
  }

  it('merges a duplicate into the primary; the duplicate says Duplikat and links to it', async () => {
    const primary = await createApiReport(web.t, { description: 'Lekkasje ved busslommen.' });
    const duplicate = await createApiReport(web.t, { description: 'Vann renner i veien ved busslommen.' });
    const page = await logIn();
    await openCase(page, primary.ref);

    await page.keyboard.press('m');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('case-merge-search');
    await page.keyboard.type(duplicate.ref);
    await page.keyboard.press('Enter');
    const box = page.locator('details.case-action', { has: page.locator('#case-merge-search') });
    await box.getByText('Treff').waitFor();
    await box.getByRole('radio', { name: new RegExp(duplicate.ref) }).check();
    await box.getByRole('radio', { name: `Denne (${primary.ref})` }).check();
    await box.getByRole('button', { name: 'Slå sammen …' }).click();

    const dialog = page.getByRole('dialog', { name: 'Slå sammen meldingene?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(
      `${primary.ref} blir hovedmelding. ${duplicate.ref} får status Duplikat`,
    );
    const duplicateRow = page.locator('.inbox-row', { hasText: duplicate.ref });
    await duplicateRow.waitFor();
    await dialog.getByRole('button', { name: 'Slå sammen', exact: true }).click();
    await page.locator('.notice', { hasText: 'Duplikater slått sammen med denne:' }).waitFor();
    // The list beside the case loads again: the duplicate leaves the default view.
    await duplicateRow.waitFor({ state: 'detached' });
    await page.locator('.inbox-row', { hasText: primary.ref }).waitFor();
    await expect(duplicateRow.count()).resolves.toBe(0);
    await expect(page.locator('.notice').textContent()).resolves.toContain(duplicate.ref);

    await page.locator('.notice').getByRole('link', { name: duplicate.ref, exact: true }).click();
    await page.locator('#case-heading', { hasText: duplicate.ref }).waitFor();
    await expect(page.locator('.case-header .status-badge').textContent()).resolves.toBe('Duplikat');
    const pointer = page.locator('.case-merged');
    await expect(pointer.textContent()).resolves.toContain(`Hovedmeldingen er ${primary.ref}`);
    await pointer.getByRole('link', { name: primary.ref, exact: true }).click();
    await page.locator('#case-heading', { hasText: primary.ref }).waitFor();
    await page.context().close();
  });

  it('keeps the typed reply when the report changed meanwhile, says why, and sends after a reload', async () => {
    const report = await createApiReport(web.t);
    const page = await logIn();
    await openCase(page, report.ref);
    const reply = 'Hei! Vi har sendt ut folk for å se på lekkasjen i dag.';
    await page.locator('#case-reply-text').fill(reply);

    // Someone else changes the report after it was loaded.
    await web.t.ctx.db.db.execute(
      sql`update reports set priority = 'hoy', updated_at = now() + interval '1 second' where ref = ${report.ref}`,
    );
    await page.getByRole('button', { name: 'Send offentlig svar' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect(summary.locator('h2').textContent()).resolves.toBe('Meldingen er endret av noen andre');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await expect(page.locator('#case-reply-text').inputValue()).resolves.toBe(reply);
    // The draft is also in sessionStorage: a page reload keeps it.
    await page.reload();
    await page.locator('#case-heading').waitFor();
    await expect(page.locator('#case-reply-text').inputValue()).resolves.toBe(reply);

    // The first attempt again, then "Last inn på nytt" after the next change.
    await web.t.ctx.db.db.execute(
      sql`update reports set updated_at = now() + interval '2 seconds' where ref = ${report.ref}`,
    );
    await page.getByRole('button', { name: 'Send offentlig svar' }).click();
    await page.getByRole('button', { name: 'Last inn på nytt' }).click();
    await expect(page.locator('#case-reply-text').inputValue()).resolves.toBe(reply);
    await page.getByRole('button', { name: 'Send offentlig svar' }).click();
    await page.getByText('Svaret er sendt.').waitFor({ state: 'attached' });
    await expect(page.locator('#case-reply-text').inputValue()).resolves.toBe('');
    await expect(page.locator('.history .is-public').last().textContent()).resolves.toContain(reply);
    await page.context().close();
  });

  it("draws the server's map tiles and credits them, on the case's map and the correction map", async () => {
    const report = await createApiReport(web.t);
    // A category taken out of use: still named on old reports, no longer offered when correcting.
    const [retired] = await queryRows<{ name: string }>(
      web.t.ctx.db.db,
      sql`update categories set active = false where id = (
          select id from categories where kommunenummer = ${K}
            and id <> (select category_id from reports where ref = ${report.ref})
          order by code limit 1)
        returning name->>'nb' as name`,
    );
    if (!retired) throw new Error('no category to retire');
    const page = await logIn();
    await openCase(page, report.ref);
    const caseMap = page.locator('.case-view .report-map-small').first();
    await caseMap.locator('img.leaflet-tile-loaded').first().waitFor();
    await expect(caseMap.locator('img.leaflet-tile').first().getAttribute('src')).resolves.toMatch(
      /^http:\/\/tiles\.test\/\d+\/\d+\/\d+\.png$/,
    );
    // The attribution is shown as text, not read as markup.
    await expect(caseMap.locator('.leaflet-control-attribution').textContent()).resolves.toBe(
      '© Testkart <b>',
    );

    const correction = page.locator('details.case-action', { hasText: 'Rett kategori eller sted' });
    await correction.locator('summary').click();
    await correction.locator('img.leaflet-tile-loaded').first().waitFor();
    const offered = await correction
      .getByLabel('Kategori')
      .locator('option')
      .evaluateAll((options) => options.map((o) => o.textContent));
    expect(offered.length).toBeGreaterThan(1);
    expect(offered).not.toContain(retired.name);
    expectNoViolations(await axeViolations(page));
    await page.context().close();
  });
});
