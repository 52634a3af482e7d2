// Administrasjon › Importer anlegg in Chromium on a 390 px phone: an admin reaches the page from
// the administration menu, uploads a UTM 32 GeoJSON of 2,000 hydrants with one point in the
// neighbouring municipality, sees the progress bar and the run finish, then the counts and the
// rejected line with its reason; the recent runs list the import. The form is sent from the
// keyboard. A run already going when the page opens is followed to its end. Axe on the form and
// the result.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { geoJsonText, PORSGRUNN_UTM32, SKIEN_UTM32 } from '../support/asset-files.ts';
import { seedAssetTypes } from '../support/sticker-assets.ts';
import { axeViolations, expectNoViolations, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

async function noViolations(page: Page, where: string): Promise<void> {
  const problems = await axeViolations(page);
  expectNoViolations(problems.map((p) => `${where}: ${p}`));
}

describe('importing assets in the back office', () => {
  const web = useWebApp();

  it('uploads a UTM 32 GeoJSON, follows the progress, and reports counts and the rejected line', async () => {
    await seedAssetTypes(web.t.ctx.db.db, '4001');
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(inside(web.t, 'admin/settings'));
    await page.getByRole('link', { name: 'Importer anlegg' }).click();
    await page.locator('h1', { hasText: 'Importer anlegg' }).waitFor();
    await expect(
      page.getByRole('link', { name: 'Importer anlegg' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await noViolations(page, 'form');

    // 2,000 hydrants spread a few metres apart around a point in Porsgrunn, and one in Skien.
    const [east, north] = PORSGRUNN_UTM32[0] ?? [0, 0];
    const features = Array.from({ length: 2000 }, (_, i) => ({
      id: `BH-${String(i + 1).padStart(4, '0')}`,
      at: [east + (i % 50) * 4, north + Math.floor(i / 50) * 4] as const,
      properties: { dimensjon: 150 },
    }));
    features.splice(1000, 0, { id: 'BH-SKIEN', at: SKIEN_UTM32, properties: { dimensjon: 100 } });
    await page.getByLabel('Fil (GeoJSON eller CSV)').setInputFiles({
      name: 'hydranter.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(geoJsonText(features)),
    });
    await page.getByLabel('Anleggstype for hele filen (valgfritt)').fill('hydrant');
    // Record every state the progress bar and the status line show, from the page itself.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        if (bar) seen.push(`progress ${bar.getAttribute('value')}`);
        const status = document.querySelector('.notice-done')?.textContent ?? '';
        if (status) seen.push(status);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    // The keyboard path: Enter in the form's last field sends it.
    await page.getByLabel('Anleggstype for hele filen (valgfritt)').press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Importen er ferdig: 2000 nye, 0 endret, 0 uendret, 1 avvist.' })
      .waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((s) => s.startsWith('progress'))).toBe(true);
    expect(seen.some((s) => s.startsWith('Laster opp') || s.startsWith('Importerer'))).toBe(true);
    expect(await page.locator('progress').getAttribute('value')).toBe('100');
    await expect(page.locator('.asset-import-result').textContent()).resolves.toMatch(
      /Nye2000Endret0Uendret0Avvist1/,
    );
    const rejected = page.locator('tbody tr', { hasText: 'BH-SKIEN' });
    await expect(rejected.textContent()).resolves.toMatch(
      /^1001BH-SKIENPunktet \(59\.13\d*, 9\.59\d*\) ligger utenfor Porsgrunn\.$/,
    );
    await page
      .locator('tbody tr', { hasText: 'hydranter.geojson' })
      .filter({ hasText: 'Anne Admin' })
      .waitFor();
    // Nothing sticks out sideways on the phone (wide tables scroll inside their own box).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await noViolations(page, 'result');

    // A run going on when the page opens (started elsewhere) is followed until it ends.
    await web.t.ctx.db.db.execute(sql`insert into asset_imports (kommunenummer, file_name, bytes_total, bytes_read)
      values ('4001', 'kummer.csv', 1000, 500)`);
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Importerer … 50 % av filen er lest.' }).waitFor();
    await web.t.ctx.db.db.execute(sql`update asset_imports set state = 'done', bytes_read = 1000, created = 7,
      finished_at = now() where file_name = 'kummer.csv'`);
    await page
      .getByRole('status')
      .filter({ hasText: 'Importen er ferdig: 7 nye, 0 endret, 0 uendret, 0 avvist.' })
      .waitFor();
    await page.context().close();
  }, 120_000);
});
