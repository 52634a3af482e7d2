// Administrasjon › QR-lenker › Skriv ut klistremerker: an admin downloads the PDF of a type's
// stickers, sees how many were made, is told plainly when a type does not exist, and each link
// shows its scans with a sparkline whose text names the total. Axe on the page with all of it.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildAssets, seedAssetTypes } from '../support/sticker-assets.ts';
import { axeViolations, expectNoViolations, useWebApp } from '../support/web.ts';
import { inside, logInPage, tabTo } from './staff-admin-helpers.ts';

describe('printing QR stickers from the back office', () => {
  const web = useWebApp();

  it('downloads the PDF, confirms it, refuses an unknown type, and passes axe', async () => {
    await seedAssetTypes(web.t.ctx.db.db, '4001');
    await buildAssets(web.t.ctx.db.db, '4001', 'hydrant', [
      { lat: 59.14, lon: 9.66 },
      { lat: 59.141, lon: 9.661 },
      { lat: 59.142, lon: 9.662 },
    ]);
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.goto(inside(web.t, 'admin/links'));
    await page.getByRole('heading', { name: 'Skriv ut klistremerker' }).waitFor();
    await page.locator('.loading').waitFor({ state: 'detached' });

    await page.locator('#stickers-layout').selectOption('2x5');
    // The keyboard path: Tab reaches the download button, Enter sends the form.
    await tabTo(page, '.sticker-print button[type="submit"]');
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('klistremerker-4001-hydrant-2x5.pdf');
    const path = await download.path();
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');
    await expect
      .poll(() => page.locator('.sticker-print [role="status"]').textContent())
      .toBe('3 klistremerker er lastet ned som klistremerker-4001-hydrant-2x5.pdf.');

    await page.locator('#stickers-type').fill('fontene');
    await page.locator('.sticker-print button[type="submit"]').click();
    await page.getByText('Kommunen har ingen anleggstype «fontene».').waitFor();

    // The new links are listed, each with its sparkline and its total as text.
    await page.reload();
    await page.locator('.loading').waitFor({ state: 'detached' });
    // Newest first: the three hydrants' links lead, after them the demo stickers.
    await expect.poll(() => page.locator('.link-row').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('svg.sparkline').count()).toBe(await page.locator('.link-row').count());
    await page
      .getByText(/^Brannhydrant BH-/)
      .first()
      .waitFor();
    expect(await page.locator('svg.sparkline').first().getAttribute('aria-label')).toBe(
      'Skanninger siste 30 dager: 0',
    );
    await page.getByRole('radio', { name: 'Et område (GeoJSON-polygon)' }).check();
    await page.locator('#stickers-area').waitFor();
    expectNoViolations(await axeViolations(page));
  }, 120_000);
});
