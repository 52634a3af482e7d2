// Anlegg in the back office, in real Chromium: from the main menu to the list, a search, and the
// asset page with its reports and the "repeated faults" badge; Administrasjon › Anleggstyper
// renames a type with a visible confirmation; the inbox map's assets layer shows the assets and
// opens one from the keyboard. Axe on each page; the list and the asset page at 390 and 1366 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { porsgrunnDemoAssetReports, porsgrunnDemoAssets } from '../../src/modules/assets/demo/porsgrunn.ts';
import { seedDemoAssets } from '../../src/modules/assets/seed-demo-assets.ts';
import { axeViolations, expectNoViolations, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function fitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the asset register in the back office', () => {
  const web = useWebApp();

  it('lists the assets, opens one with its reports, and passes axe on a phone and a desktop', async () => {
    await seedDemoAssets(web.t.ctx.db.db, '4001', {
      assets: porsgrunnDemoAssets,
      linkCodes: ['pg-bh0417', 'pg-pst12'],
      reports: porsgrunnDemoAssetReports,
    });
    const { page } = await logInPage(web.t, web.browser, ['saksbehandler'], 'Sara Saksbehandler');
    await page.setViewportSize(DESKTOP);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Anlegg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anlegg' }).waitFor();
    await expect.poll(() => page.locator('.assets-table tbody tr').count()).toBe(6);
    // BH-0417 has four reports in the last year: its row says so in words.
    await expect(
      page.locator('tr', { hasText: 'BH-0417' }).locator('.repeat-badge').textContent(),
    ).resolves.toBe('4 meldinger siste 12 mnd');
    expectNoViolations(await axeViolations(page));

    await page.locator('#assets-type').selectOption('pumpestasjon');
    await expect.poll(() => page.locator('.assets-table tbody tr').count()).toBe(1);
    await page.locator('#assets-type').selectOption('');
    await page.locator('#assets-q').fill('bh-041');
    await page.locator('#assets-q').press('Enter');
    await expect.poll(() => page.locator('.assets-table tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'BH-0417' }).click();

    await page.getByRole('heading', { level: 1, name: /Brannhydrant BH-0417/ }).waitFor();
    await expect(page.locator('h1 .repeat-badge').textContent()).resolves.toBe('4 meldinger siste 12 mnd');
    await expect(page.locator('.asset-reports li').count()).resolves.toBe(4);
    // Newest first: the open one from last week leads.
    await expect(
      page.locator('.asset-reports li').first().locator('.status-badge').textContent(),
    ).resolves.toBe('Mottatt');
    await expect(page.locator('.asset-facts dt', { hasText: 'Dimensjon' }).count()).resolves.toBe(1);
    await expect(page.locator('.asset-links .link-row').count()).resolves.toBe(1);
    await expect(page.locator('.asset-links').textContent()).resolves.toContain('/q/pg-bh0417');
    expectNoViolations(await axeViolations(page));
    await fitsWidth(page);

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Brannhydrant BH-0417/ }).waitFor();
    await fitsWidth(page);
    expectNoViolations(await axeViolations(page));
    await page.getByRole('link', { name: 'Tilbake til anleggslisten' }).click();
    await expect.poll(() => page.locator('.assets-table tbody tr').count()).toBe(6);
    await fitsWidth(page);
    expectNoViolations(await axeViolations(page));

    // A report on the page opens its case, which links back to the asset.
    await page.setViewportSize(DESKTOP);
    await page.getByRole('link', { name: 'BH-0417' }).click();
    await page.locator('.asset-reports li a').first().click();
    const assetLink = page.getByRole('link', { name: 'Brannhydrant BH-0417' });
    await assetLink.waitFor();
    await assetLink.click();
    await page.getByRole('heading', { level: 1, name: /Brannhydrant BH-0417/ }).waitFor();
  }, 180_000);

  it('renames an asset type with a visible confirmation', async () => {
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.setViewportSize(DESKTOP);
    await page.goto(inside(web.t, 'admin'));
    await page.getByRole('link', { name: 'Anleggstyper' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anleggstyper' }).waitFor();
    await page.getByRole('button', { name: 'Endre Brannhydrant' }).click();
    await page.locator('#asset-type-hydrant-name-nb').fill('Hydrant');
    await page.locator('#asset-type-hydrant-name-nn').fill('Hydrant');
    expectNoViolations(await axeViolations(page));
    await page.locator('#asset-type-hydrant-name-nb').press('Enter');
    await expect.poll(() => page.locator('.saved-notice').textContent()).toBe('Hydrant er lagret.');
    await expect(page.locator('.admin-list').textContent()).resolves.toContain('Hydrant');
    expectNoViolations(await axeViolations(page));
    await page.setViewportSize(PHONE);
    await fitsWidth(page);
    await page.setViewportSize(DESKTOP);

    // The new name is the register's: the asset list and the resident's form use it.
    await page.goto(inside(web.t, 'assets?q=BH-0417'));
    await expect.poll(() => page.locator('.assets-table tbody tr td').nth(1).textContent()).toBe('Hydrant');
    const form = await (await fetch(`${web.t.baseUrl}/porsgrunn/meld?link=pg-bh0417`)).text();
    expect(form).toContain('<strong>Hydrant BH-0417</strong>');
  }, 120_000);

  it('shows the assets as a layer on the inbox map and opens one from it', async () => {
    const { page } = await logInPage(web.t, web.browser, ['feltarbeider'], 'Frode Felt');
    await page.setViewportSize(DESKTOP);
    await page.goto(inside(web.t, 'inbox'));
    const toggle = page.getByRole('checkbox', { name: 'Vis anlegg i kartet' });
    await toggle.check();
    await expect
      .poll(() => page.locator('.asset-layer-toggle [role="status"]').textContent())
      .toMatch(/^\d+ anlegg i kartutsnittet$/);
    const marker = page.locator('.asset-map-marker[title="Hydrant BH-0417"]');
    await marker.waitFor();
    expect(await page.locator('.asset-map-marker, .marker-cluster').count()).toBeGreaterThanOrEqual(2);
    expectNoViolations(await axeViolations(page));
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Hydrant BH-0417/ }).waitFor();

    // Off again: the layer's markers leave the map.
    await page.goto(inside(web.t, 'inbox'));
    await toggle.check();
    await marker.waitFor();
    await toggle.uncheck();
    await expect.poll(() => page.locator('.asset-map-marker').count()).toBe(0);
  }, 120_000);
});
