// After "Endre status", "Tildel" or "Lagre notat" the case handler sees that it went through: a
// confirmation beside the button, in view, said politely (role=status), without taking focus.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildStaffUser } from '../support/staff.ts';
import { createApiReport, openContext, useWebApp } from '../support/web.ts';

const K = '4001';

describe('the case view confirms what was done', () => {
  const web = useWebApp();

  async function openCase(viewport: { width: number; height: number }): Promise<Page> {
    const report = await createApiReport(web.t, { answers: {} });
    const user = await buildStaffUser(web.t.ctx.db.db, {
      kommunenummer: K,
      roles: ['saksbehandler'],
      name: 'Siri Saksbehandler',
    });
    const context = await openContext(web.browser, { viewport });
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    await page.locator('.inbox-row', { hasText: report.ref }).getByRole('link').click();
    await page.locator('#case-heading', { hasText: report.ref }).waitFor();
    return page;
  }

  /** The confirmation is shown (not a 1-pixel screen-reader text), in the window, and polite. */
  async function expectSeen(box: Locator, text: string): Promise<void> {
    const status = box.getByRole('status').filter({ hasText: text });
    await status.waitFor();
    const seen = await status.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        width: r.width,
        height: r.height,
        inWindow: r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth,
        clipped: style.clipPath !== 'none' || style.position === 'absolute',
        focusInside: el.contains(document.activeElement),
      };
    });
    expect(seen.width).toBeGreaterThan(80);
    expect(seen.height).toBeGreaterThan(16);
    expect(seen.clipped).toBe(false);
    expect(seen.inWindow).toBe(true);
    expect(seen.focusInside).toBe(false);
    await expect(status.textContent()).resolves.toContain(text);
  }

  it('shows "Status er endret.", "Meldingen er tildelt." and "Notatet er lagret." beside their buttons', async () => {
    const page = await openCase({ width: 1366, height: 768 });

    const statusBox = page.locator('.case-action', { has: page.locator('#case-status') });
    await page.locator('#case-status').selectOption('under_behandling');
    const change = statusBox.getByRole('button', { name: 'Endre status' });
    await change.click();
    await expectSeen(statusBox, 'Status er endret.');
    // Focus stayed on the button the case handler pressed.
    await expect(change.evaluate((b) => b === document.activeElement)).resolves.toBe(true);

    const assignBox = page.locator('.case-action', { has: page.locator('#case-assign-team') });
    await page.locator('#case-assign-team').selectOption({ label: 'VA drift' });
    await assignBox.getByRole('button', { name: 'Tildel', exact: true }).click();
    await expectSeen(assignBox, 'Meldingen er tildelt.');
    // The earlier confirmation stays with its own form.
    await expect(statusBox.getByRole('status').textContent()).resolves.toContain('Status er endret.');

    const noteBox = page.locator('.case-action', { has: page.locator('#case-note-text') });
    await page.locator('#case-note-text').fill('Ringte innmelder.');
    await noteBox.getByRole('button', { name: 'Lagre notat' }).click();
    await expectSeen(noteBox, 'Notatet er lagret.');
    await page.context().close();
  });

  it('shows it on a phone too', async () => {
    const page = await openCase({ width: 390, height: 844 });
    const statusBox = page.locator('.case-action', { has: page.locator('#case-status') });
    await page.locator('#case-status').selectOption('planlagt');
    await statusBox.getByRole('button', { name: 'Endre status' }).click();
    await expectSeen(statusBox, 'Status er endret.');
    await page.context().close();
  });
});
