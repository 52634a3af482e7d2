// Abonnenter in Chromium: the menu entry, an admin importing a CSV (the progress bar shows while
// the file goes up and is processed, then the counts and the rejected lines with their numbers
// and reasons), the list with the imported subscribers, and a subscriber flagged as vulnerable
// with a note, confirmed in a role=status line. Axe on each step.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importAddresses } from '../../src/modules/geo/import-addresses.ts';
import { PORSGRUNN_SAMPLE_FILE } from '../../src/modules/geo/local-addresses.ts';
import { axeViolations, expectNoViolations, useWebApp } from '../support/web.ts';
import { logInPage } from './staff-admin-helpers.ts';

async function noViolations(page: Page, where: string): Promise<void> {
  const problems = await axeViolations(page);
  expectNoViolations(problems.map((p) => `${where}: ${p}`));
}

describe('subscribers in the back office', () => {
  const web = useWebApp();

  it('imports a CSV with progress and a result report, then flags a subscriber as vulnerable', async () => {
    await importAddresses(web.t.ctx.db.db, PORSGRUNN_SAMPLE_FILE);
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.getByRole('link', { name: 'Abonnenter' }).click();
    await page.locator('h1', { hasText: 'Abonnenter' }).waitFor();
    await page.getByText('Ingen abonnenter.').waitFor();
    await noViolations(page, 'empty list');

    await page.getByRole('link', { name: 'Importer CSV' }).click();
    await page.locator('h1', { hasText: 'Importer abonnenter fra CSV' }).waitFor();
    await noViolations(page, 'import form');
    const lines = ['adresse;epost;mobil;språk;samtykke'];
    // Big enough that the upload and the processing take a moment: 4,000 lines.
    for (let i = 0; i < 4000; i++) lines.push(`Storgata ${(i % 40) + 1};person${i}@example.no;;nb;ja`);
    lines.push('Storgata 1;nei@example.no;;nb;nei');
    lines.push('Finnesikkeveien 3;borte@example.no;;nb;ja');
    await page.getByLabel('CSV-fil').setInputFiles({
      name: 'abonnenter.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    // Record every state the progress bar and status line show, from the page itself.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        if (document.querySelector('progress')) seen.push('progress');
        const status = document.querySelector('.notice-done')?.textContent ?? '';
        if (status) seen.push(status);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByRole('status').filter({ hasText: 'Importen er ferdig.' }).waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toContain('progress');
    expect(seen.some((s) => s.startsWith('Laster opp') || s.startsWith('Fila er lastet opp'))).toBe(true);
    const result = page.locator('.subscriber-import-result');
    await expect(result.textContent()).resolves.toMatch(/Lagt til4000.*Avvist2/);
    await page.locator('tbody tr', { hasText: 'Mangler samtykke' }).filter({ hasText: '4002' }).waitFor();
    await page
      .locator('tbody tr', { hasText: 'Fant ikke adressen i kommunen' })
      .filter({ hasText: '4003' })
      .waitFor();
    await noViolations(page, 'import result');

    await page.getByRole('link', { name: 'Tilbake til abonnentene' }).click();
    await page.getByText('4000 abonnenter').waitFor();
    await page.getByLabel('Søk på adresse').fill('Storgata 12');
    await page.getByRole('button', { name: 'Søk' }).click();
    await page.getByText('100 abonnenter').waitFor();
    await noViolations(page, 'list');
    await page.locator('tbody a', { hasText: 'Storgata 12' }).first().click();
    await page.locator('h1', { hasText: 'Storgata 12' }).waitFor();
    await page.getByLabel(/Sårbar abonnent/).check();
    await page.getByLabel('Merknad').fill('Hjemmedialyse');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('status').filter({ hasText: 'Lagret.' }).waitFor();
    await expect(page.getByLabel('Merknad').inputValue()).resolves.toBe('Hjemmedialyse');
    await noViolations(page, 'subscriber');
    await page.context().close();
  }, 120_000);
});
