// The "is it really fixed?" page in a real browser: axe finds nothing in bokmål and English (the
// question, the reopen form, and the form with an error), and a resident reopens a report with the
// keyboard alone, without a mouse.
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { fixLinkIn, handlerInTeamOf, setStatus, startFixCheckApp } from '../support/fix-check.ts';
import { type NotificationTestApp, postReport, waitUntil } from '../support/notifications.ts';
import { axeViolations, expectNoViolations, launchBrowserFor, openContext } from '../support/web.ts';

describe('the "is it fixed?" page in a browser', () => {
  let t: NotificationTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let n = 0;

  beforeAll(async () => {
    // No SMTP server: the messages go to the outbox, where the link is read from.
    t = await startFixCheckApp('pglite', { mapTileUrl: '' });
    browser = await launchBrowserFor(t);
    context = await openContext(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  async function doneReportLink(): Promise<{ id: string; link: string }> {
    n += 1;
    const email = `browser${n}@example.no`;
    const report = await postReport(t, { contact: { email, notify: 'email' } });
    const { client } = await handlerInTeamOf(t, report.id, `browser-handler${n}@kommune.test`);
    await setStatus(client, report.id, 'utfort', 'Lekkasjen er tettet.');
    const body = await waitUntil('the done message', async () => {
      const [row] = await queryRows<{ body_text: string }>(
        t.ctx.db.db,
        sql`select body_text from messages where kind = 'done' and recipient = ${email}`,
      );
      return row?.body_text;
    });
    return { id: report.id, link: fixLinkIn(body) };
  }

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBeLessThan(500);
    return page;
  }

  it.each(['nb', 'en'])('has no axe violations in %s: question, form, form with an error', async (lang) => {
    const { link } = await doneReportLink();
    const question = await open(`${link}&lang=${lang}`);
    expectNoViolations(await axeViolations(question));
    await question.close();
    const form = await open(`${link}&lang=${lang}&answer=no`);
    expectNoViolations(await axeViolations(form));
    await form.click('form button[type="submit"]');
    await form.waitForSelector('#comment-error');
    expectNoViolations(await axeViolations(form));
    await form.close();
  });

  it('reopens with the keyboard alone', async () => {
    const { id, link } = await doneReportLink();
    const page = await open(link);
    // Skip link, home link, language links… then the two answers: tab until "Nei" has focus.
    for (let i = 0; i < 20; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (focused === 'Nei, det er ikke fikset') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForSelector('#comment');
    for (let i = 0; i < 20; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'comment')) break;
    }
    await page.keyboard.type('Det lekker fortsatt.');
    // Past the photo field to the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toContain('Saken er åpnet igjen');
    const [row] = await queryRows<{ status: string }>(
      t.ctx.db.db,
      sql`select status from reports where id = ${id}::uuid`,
    );
    expect(row?.status).toBe('under_behandling');
    await page.close();
  });
});
