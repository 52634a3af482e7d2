// The outbox in Chromium: the receipt a resident was sent for their report (held in the outbox
// when no email service is configured) is listed newest first and can be opened and read; the
// Failed tab lists only failed messages.
import { describe, expect, it } from 'vitest';
import { logInAs } from '../support/staff.ts';
import { createApiReport, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

describe('the outbox', () => {
  // The relay and senders run as in a real process (role `all`; no SMTP configured: messages go
  // to the outbox).
  const web = useWebApp();

  it('lists the messages to residents and opens one to read', async () => {
    const { ref } = await createApiReport(web.t);
    const { page, user } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    const staff = await logInAs(web.t, user);
    // The receipt is written by a job: wait until it is there.
    let messages: { report: { ref: string } | null }[] = [];
    for (let i = 0; i < 50 && !messages.some((m) => m.report?.ref === ref); i++) {
      const response = await staff.request('GET', '/api/v1/staff/m/4001/admin/outbox');
      expect(response.status).toBe(200);
      messages = response.body.messages;
      if (!messages.some((m) => m.report?.ref === ref)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(
      messages.some((m) => m.report?.ref === ref),
      'the receipt reached the outbox',
    ).toBe(true);

    await page.goto(inside(web.t, 'outbox'));
    const item = page.locator('.outbox-item', { hasText: ref }).first();
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('kari@example.no');
    const read = item.getByRole('button', { name: /^Les/ });
    await read.focus();
    await page.keyboard.press('Enter');
    // Opened, the same button reads "Skjul".
    const hide = item.getByRole('button', { name: /^Skjul/ });
    await expect(hide.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(item.locator('.outbox-body').isVisible()).resolves.toBe(true);
    await expect(item.locator('.outbox-body').textContent()).resolves.toContain(ref);

    await page.getByRole('button', { name: 'Feilet' }).click();
    await page.locator('.empty-state', { hasText: 'Ingen meldinger har feilet.' }).waitFor();
    await page.context().close();
  });
});
