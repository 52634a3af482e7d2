// Address suggestions on the report form, with the address search pointed at a local stand-in
// for Kartverket's API: type, see the listbox, choose with the keyboard, and the place is set.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AddressStandIn, startAddressStandIn } from '../support/address-stand-in.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  axeViolations,
  expectNoViolations,
  launchBrowserFor,
  openContext,
  startWebApp,
} from '../support/web.ts';

describe('address search on the report form', () => {
  let standIn: AddressStandIn;
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    standIn = await startAddressStandIn();
    t = await startWebApp({ mapTileUrl: '', addressSearchUrl: standIn.baseUrl });
    browser = await launchBrowserFor(t);
    context = await openContext(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    await standIn?.close();
  });

  it('suggests addresses as a combobox, chosen with the keyboard, and sets the point', async () => {
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/meld`);
    const address = page.locator('#address');
    await expect(address.getAttribute('role')).resolves.toBe('combobox');
    await expect(address.getAttribute('aria-expanded')).resolves.toBe('false');

    await address.focus();
    await page.keyboard.type('Storg');
    const listbox = page.locator('#address-list[role="listbox"]');
    await listbox.waitFor({ state: 'visible' });
    await expect(address.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(address.getAttribute('aria-controls')).resolves.toBe('address-list');
    await expect(listbox.locator('[role="option"]').allTextContents()).resolves.toEqual([
      'Storgata 12, 3915 PORSGRUNN',
      'Storgata 130, 3915 PORSGRUNN',
    ]);
    await expect(page.locator('#address-status').textContent()).resolves.toBe(
      '2 adresseforslag. Bruk pil opp og ned, og Enter for å velge.',
    );
    // Nothing was asked before the third character.
    expect(standIn.requests.every((q) => (q.get('sok') ?? '').length >= 3)).toBe(true);

    // The form with the list open meets WCAG 2.1 AA.
    expectNoViolations(await axeViolations(page));

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(address.getAttribute('aria-activedescendant')).resolves.toBe('address-option-1');
    await expect(page.locator('#address-option-1').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');

    await expect(listbox.isHidden()).resolves.toBe(true);
    await expect(address.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(address.inputValue()).resolves.toBe('Storgata 130, 3915 PORSGRUNN');
    await expect(page.locator('#lat').inputValue()).resolves.toBe('59.146811');
    await expect(page.locator('#lon').inputValue()).resolves.toBe('9.650777');
    // Enter chose the address; it did not send the form. The map shows the point.
    expect(new URL(page.url()).pathname).toBe('/porsgrunn/meld');
    await expect(page.locator('#map .pin').count()).resolves.toBe(1);
    await expect(page.locator('#place-status').textContent()).resolves.toBe('Sted valgt fra adressen.');
  });

  it('closes the list with Escape, and says so when the service does not answer', async () => {
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/meld?lang=en`);
    const address = page.locator('#address');
    await address.focus();
    await page.keyboard.type('Storg');
    await page.locator('#address-list').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await expect(page.locator('#address-list').isHidden()).resolves.toBe(true);
    await expect(page.locator('#lat').inputValue()).resolves.toBe('');

    standIn.mode = 'error';
    try {
      await page.keyboard.type('a');
      await page.waitForFunction(() =>
        document.getElementById('address-status')?.textContent?.includes('not responding'),
      );
      await expect(page.locator('#address-list').isHidden()).resolves.toBe(true);
    } finally {
      standIn.mode = 'ok';
    }
  });
});
