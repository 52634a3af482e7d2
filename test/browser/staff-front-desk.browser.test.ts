// The front desk (servicekontor) in Chromium: a phone report registered with the keyboard alone
// (address search and category as comboboxes, Ctrl+Enter saves), the reference shown, the
// report in the inbox API with channel telefon, and the caller's earlier report found by phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AddressStandIn, startAddressStandIn } from '../support/address-stand-in.ts';
import { logInAs } from '../support/staff.ts';
import type { TestApp } from '../support/test-app.ts';
import { axeViolations, expectNoViolations, launchBrowserFor, startWebApp } from '../support/web.ts';
import { focused, inside, logInPage, tabTo } from './staff-admin-helpers.ts';

describe('the front desk', () => {
  let standIn: AddressStandIn;
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    standIn = await startAddressStandIn();
    t = await startWebApp({ mapTileUrl: '', addressSearchUrl: standIn.baseUrl });
    browser = await launchBrowserFor(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await standIn?.close();
  });

  it('registers a phone report with the keyboard alone and then knows the caller', async () => {
    // A plain front-desk account: no administrator rights needed to register a report.
    const { page, user } = await logInPage(t, browser, ['servicekontor']);
    await page.goto(inside(t, 'front-desk'));
    await page.locator('h1', { hasText: 'Servicekontor' }).waitFor();
    expectNoViolations(await axeViolations(page));

    // The conversation's order: channel (phone by default), phone, email, name, address, category.
    await tabTo(page, '#desk-channel-telefon');
    await expect.poll(() => page.locator('#desk-channel-telefon').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#desk-contact-phone');
    await page.keyboard.type('912 34 567');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#desk-contact-email');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#desk-contact-name');
    await page.keyboard.type('Ola Innringer');
    // A number nobody has reported from yet.
    await page.locator('#desk-caller-title + div', { hasText: 'Ingen tidligere meldinger' }).waitFor();

    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#desk-address');
    await page.keyboard.type('Storg');
    await page.locator('#desk-address-list [role="option"]', { hasText: 'Storgata 12' }).waitFor();
    await expect(page.locator('#desk-address').getAttribute('aria-expanded')).resolves.toBe('true');
    expectNoViolations(await axeViolations(page));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('#desk-address').inputValue()).resolves.toBe('Storgata 12, 3915 PORSGRUNN');

    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#desk-categoryId');
    await page.keyboard.type('vannlekk');
    await page.locator('#desk-categoryId-list [role="option"]', { hasText: 'Vannlekkasje' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('#desk-categoryId').inputValue()).resolves.toBe('Vannlekkasje');
    // The category's extra questions and the open reports near the address appear.
    await page.locator('legend', { hasText: 'Hvor mye vann?' }).waitFor();
    await page
      .locator('#desk-nearby-title + div', { hasText: /Ingen åpne meldinger|Åpne meldinger i nærheten/ })
      .waitFor();

    await tabTo(page, '#desk-description');
    await page.keyboard.type('Innringer melder vann som renner i veien.');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/front-desk/reports') && r.request().method() === 'POST',
    );
    await page.keyboard.press('Control+Enter');
    const response = await saved;
    expect(response.status()).toBe(201);
    const { id, ref } = (await response.json()) as { id: string; ref: string };

    // The reference, big, with focus on the receipt.
    await expect(page.locator('[data-testid="reference"]').textContent()).resolves.toBe(ref);
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#desk-receipt-title');
    expectNoViolations(await axeViolations(page));

    // In the inbox API, taken on the phone, with the caller's contact details.
    const staff = await logInAs(t, user);
    const inbox = await staff.request('GET', '/api/v1/staff/m/4001/reports?channel=telefon');
    expect(inbox.status).toBe(200);
    const item = (inbox.body.items as { id: string; ref: string; channel: string; address: string }[]).find(
      (i) => i.id === id,
    );
    expect(item).toMatchObject({ ref, channel: 'telefon' });
    const contact = await staff.request('GET', `/api/v1/staff/m/4001/reports/${id}/contact`);
    expect(contact.body).toMatchObject({ name: 'Ola Innringer', notify: 'sms' });

    // "Register next" keeps nothing of the caller; the same number again finds the report.
    await tabTo(page, '.desk-receipt .button-primary');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('button: Registrer neste');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#desk-channel-telefon');
    await expect(page.locator('#desk-contact-name').inputValue()).resolves.toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+47 91234567');
    await page.locator('#desk-caller-title + div a', { hasText: ref }).waitFor();
    await expect(page.locator('#desk-caller-title + div').textContent()).resolves.toContain('Vannlekkasje');
    await page.context().close();
  });

  it('names what is missing in a summary that takes focus, and keeps what was typed', async () => {
    const { page } = await logInPage(t, browser, ['servicekontor']);
    await page.goto(inside(t, 'front-desk'));
    await page.locator('#desk-contact-phone').fill('40000000');
    await page.locator('button[type="submit"]').click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await expect(summary.locator('li').allTextContents()).resolves.toEqual([
      'Velg en kategori.',
      'Skriv en beskrivelse.',
    ]);
    await expect(page.locator('#desk-contact-phone').inputValue()).resolves.toBe('40000000');
    expectNoViolations(await axeViolations(page));
    // The help with the shortcuts opens with "?" and closes with Escape.
    await page.locator('h1').focus();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Hurtigtaster på servicekontoret' }).waitFor();
    expectNoViolations(await axeViolations(page));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await page.context().close();
  });
});
