// The inbox's counts in Chromium when the server counts only up to its limit (2 here, 10,000 in
// production): a status with more is shown as "2+", an estimate as "ca. …", the total above the
// list says "Over …" or "Ca. …", and a note explains the signs; exact counts stay plain numbers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildStaffUser } from '../support/staff.ts';
import {
  axeViolations,
  createApiReport,
  expectNoViolations,
  openContext,
  useWebApp,
} from '../support/web.ts';

const K = '4001';
const LIMIT = 2;

describe('the inbox counts above the limit', () => {
  const web = useWebApp({ inboxExactCountLimit: LIMIT });

  async function logIn(): Promise<Page> {
    const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['saksbehandler'] });
    const context = await openContext(web.browser);
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    return page;
  }

  /** The count on a status view in the status bar above the list. */
  const statusCount = (page: Page, label: string) =>
    page.locator('.status-view', { hasText: label }).locator('.count');

  async function search(page: Page, text: string, button: string) {
    await page.locator('#inbox-search').fill(text);
    await page.locator('.inbox-search-button', { hasText: button }).click();
  }

  it('shows a count above the limit as "2+", an estimate as "ca.", and says what they mean', async () => {
    for (let i = 0; i < LIMIT + 1; i++)
      await createApiReport(web.t, { description: `Tett sluk nummer ${i}` });
    const page = await logIn();
    await page.locator('.inbox-row').first().waitFor();

    // Three received reports: more than the server counts exactly. Nothing else: an exact 0.
    await expect.poll(() => statusCount(page, 'Mottatt').textContent()).toBe(`${LIMIT}+`);
    await expect(statusCount(page, 'Løste og lukkede').textContent()).resolves.toBe('0');
    await expect(page.locator('.inbox-count').textContent()).resolves.toBe(`Over ${LIMIT} meldinger`);
    const note = page.locator('.inbox-status-bar .inbox-count-note');
    await expect(note.textContent()).resolves.toBe(
      '«+» betyr «flere enn», og «ca.» er et anslag: store tall telles ikke helt ut.',
    );
    expectNoViolations(await axeViolations(page));

    // Free text has no index to each status: above the limit every figure is an estimate.
    await search(page, 'sluk', 'Søk');
    await page.waitForURL(/q=sluk/);
    await expect.poll(() => statusCount(page, 'Mottatt').textContent()).toMatch(/^ca\. \d+$/);
    await expect.poll(() => page.locator('.inbox-count').textContent()).toMatch(/^Ca\. \d+ meldinger?$/);

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => statusCount(page, 'Received').textContent()).toMatch(/^about \d+$/);
    await expect(note.textContent()).resolves.toBe(
      '“+” means “more than” and “about” is an estimate: large numbers are not counted to the end.',
    );

    // A filter that leaves no more than the limit is counted exactly, and the note goes.
    await search(page, 'nummer 1', 'Search');
    await expect.poll(() => page.locator('.inbox-count').textContent()).toBe('1 report');
    await expect(statusCount(page, 'Received').textContent()).resolves.toBe('1');
    await expect(note.count()).resolves.toBe(0);
    await page.context().close();
  });
});
