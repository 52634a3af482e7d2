// The whole report with the keyboard alone (JavaScript on): Tab and Shift+Tab to move, typing,
// Space and the arrow keys for choices, Enter to follow links and send. No mouse, no fill().
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useWebApp } from '../support/web.ts';

/** What has focus: its id, or its tag and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 60)}`;
  });
}

/** Presses Tab (or Shift+Tab) until the element matching `selector` has focus. */
async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}) {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  const max = options.max ?? 60;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const there = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    if (there) return;
  }
  throw new Error(`${key} did not reach ${selector} in ${max} presses (focus is on ${await focused(page)})`);
}

/** Presses a key that navigates, and waits for the new page. */
async function pressAndWait(page: Page, key: string, url: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(url), page.keyboard.press(key)]);
}

describe('the report form with the keyboard alone', () => {
  const web = useWebApp();

  it('goes from the start page to a receipt, through a failed attempt whose errors get focus', async () => {
    const page = await web.context.newPage();
    await page.goto(`${web.t.baseUrl}/porsgrunn`);

    // The skip link comes first and takes focus to the main content.
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('a: Hopp til hovedinnholdet');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#main');

    await tabTo(page, 'a[href="/porsgrunn/meld"]');
    await pressAndWait(page, 'Enter', /\/porsgrunn\/meld$/);

    // Sending the empty form: back with the problems summarised, the summary focused.
    await tabTo(page, '#report-form button[type="submit"]');
    await pressAndWait(page, 'Enter', /\/porsgrunn\/meld\?utkast=[0-9a-f-]+#error-summary$/);
    const summary = page.locator('#error-summary');
    await expect(summary.getAttribute('role')).resolves.toBe('alert');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#error-summary');
    const problems = await summary.locator('li a').allTextContents();
    expect(problems.length).toBeGreaterThanOrEqual(2);
    // The next Tab reaches the first problem's link; Enter on it takes the resident to the field.
    await page.keyboard.press('Tab');
    const first = summary.locator('li a').first();
    await expect(first.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    const target = (await first.getAttribute('href')) ?? '';
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe(target);

    // Category: search, then Tab to the one match and choose it with Space.
    await tabTo(page, '#category-search');
    await page.keyboard.type('vannlekkasje');
    await expect(page.locator('#category-search-status').textContent()).resolves.toBe('');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#category-vann-lekkasje');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#category-vann-lekkasje').isChecked()).toBe(true);
    // The category's own question appears.
    await expect(page.locator('fieldset.questions[data-category="vann-lekkasje"]').isVisible()).resolves.toBe(
      true,
    );

    // Place without the map: the address field (the map is passed by with Tab).
    await tabTo(page, '#address');
    await page.keyboard.type('Storgata 12, ved bussholdeplassen');

    await tabTo(page, '#description');
    await page.keyboard.type('Vann renner opp av asfalten og ned i sluket.');

    // A radio group: Tab lands on the first choice, the arrow key moves and chooses.
    await tabTo(page, '#answer-vann-lekkasje-mengde input');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('#answer-vann-lekkasje-mengde input[value="renner"]').isChecked())
      .toBe(true);

    // Contact: e-mail first, then back with Shift+Tab to the name.
    await tabTo(page, '#contact-email');
    await page.keyboard.type('kari@example.no');
    await tabTo(page, '#contact-name', { back: true, max: 3 });
    await page.keyboard.type('Kari Nordmann');
    // How to be told: nothing is chosen yet, so Tab lands on the first choice; Space chooses it,
    // the arrow keys move the choice.
    await tabTo(page, 'input[name="contact.notify"]');
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.locator('input[name="contact.notify"][value="email"]').isChecked())
      .toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('input[name="contact.notify"][value="sms"]').isChecked()).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => page.locator('input[name="contact.notify"][value="email"]').isChecked())
      .toBe(true);

    await tabTo(page, '#report-form button[type="submit"]');
    await pressAndWait(page, 'Enter', /\/porsgrunn\/meld\/[0-9a-f-]{36}$/);

    // Review: what will be sent, then send with Enter.
    await expect(page.locator('dl.summary').textContent()).resolves.toContain('Vannlekkasje');
    await tabTo(page, 'main form button[type="submit"]');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe('button: Send meldingen');
    await pressAndWait(page, 'Enter', /\/kvittering\?token=/);

    await expect(page.locator('h1').textContent()).resolves.toBe('Takk! Meldingen er mottatt');
    await expect(page.locator('.ref').textContent()).resolves.toMatch(/^4001-\d{4}-\d{5,}$/);
  });

  it('reaches every field of the form by Tab, in the order they are shown', async () => {
    const page = await web.context.newPage();
    await page.goto(`${web.t.baseUrl}/porsgrunn/meld`);
    const order: string[] = [];
    for (const id of ['#category-search', '#address', '#description', '#photos', '#contact-name']) {
      await tabTo(page, id);
      order.push(id);
    }
    for (const id of ['#contact-email', '#contact-phone', '#contact-language']) {
      await tabTo(page, id, { max: 5 });
      order.push(id);
    }
    expect(order).toHaveLength(8);
    // The honeypot is never reached.
    await page.goto(`${web.t.baseUrl}/porsgrunn/meld`);
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      expect(await focused(page)).not.toBe('#website');
      if ((await focused(page)) === 'button: Neste: se over') break;
    }
  });
});
