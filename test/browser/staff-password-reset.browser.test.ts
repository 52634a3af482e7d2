// "Forgot password" in Chromium, end to end: the link on the login page, the neutral answer, the
// email received by the real SMTP test server, its link opened in the browser, the new password
// set (with the rule shown and checked) and used to log in; a spent link gets the server's words
// and a way to ask again. Axe in bokmål and English, and 320 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST } from '../support/notifications.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';
import { buildStaffUser } from '../support/staff.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  axeViolations,
  expectNoViolations,
  launchBrowserFor,
  openContext,
  startWebApp,
} from '../support/web.ts';

const NEW_PASSWORD = 'en mye lengre ny passfrase';

describe('staff password reset', () => {
  // The app with the real SMTP test server as its mail server, and the send workers running.
  let smtp: TestSmtpServer | undefined;
  let app: TestApp | undefined;
  let chromium: Browser | undefined;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startWebApp(
      { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' },
      { notifications: FAST },
    );
    chromium = await launchBrowserFor(app);
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
    await smtp?.stop();
  });
  const web = {
    get t(): TestApp {
      if (!app) throw new Error('the test app is not set up yet');
      return app;
    },
    get browser(): Browser {
      if (!chromium) throw new Error('the browser is not set up yet');
      return chromium;
    },
  };

  async function linkFor(email: string, nth = 0): Promise<string> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const mails = smtp?.mails.filter((m) => m.envelopeTo.includes(email)) ?? [];
      const text = mails[nth]?.parsed.text ?? '';
      const match = /http:\/\/meld\.test\/admin\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text);
      if (match) return match[0];
      if (Date.now() > deadline) throw new Error(`no reset email to ${email}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function noViolations(page: Page, where: string) {
    expectNoViolations((await axeViolations(page)).map((p) => `${where}: ${p}`));
  }

  it('emails a link from the login page, sets a new password with it, and logs in with that', async () => {
    const user = await buildStaffUser(web.t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      email: 'glemsk@porsgrunn.kommune.test',
      name: 'Glenn Glemsk',
    });
    const context = await openContext(web.browser);
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.getByRole('link', { name: 'Glemt passordet?' }).click();
    await page.locator('h1', { hasText: 'Glemt passordet' }).waitFor();
    // What was typed on the login page comes along.
    await expect(page.locator('#reset-email').inputValue()).resolves.toBe(user.email);
    await noViolations(page, 'request form');

    // An empty address is caught here, beside the field.
    await page.locator('#reset-email').fill('');
    await page.getByRole('button', { name: 'Send lenke' }).click();
    await expect(page.locator('.field-error').textContent()).resolves.toContain('Skriv e-postadressen');
    await page.locator('#reset-email').fill(user.email);
    await page.keyboard.press('Enter');
    const answer = page.locator('.reset-answer [role="status"]');
    await expect(answer.textContent()).resolves.toMatch(/^Hvis adressen hører til en konto/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reset-answer-title');
    await noViolations(page, 'request answered');

    // An address with no account gets exactly the same words.
    const neutral = (await answer.textContent()) ?? '';
    await page.getByRole('button', { name: 'Be om en ny lenke' }).click();
    await page.locator('#reset-email').fill('ingen@porsgrunn.kommune.test');
    await page.getByRole('button', { name: 'Send lenke' }).click();
    await expect(answer.textContent()).resolves.toBe(neutral);

    const link = await linkFor(user.email);
    await page.goto(link);
    await page.locator('h1', { hasText: 'Sett nytt passord' }).waitFor();
    await expect(page.locator('#reset-password-hint').textContent()).resolves.toContain('Minst 12 tegn');
    await noViolations(page, 'set password form');

    // Too short, then not the same twice: told beside the fields, nothing sent.
    await page.locator('#reset-password').fill('kort');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expect(page.locator('#reset-password-error').textContent()).resolves.toBe(
      'Passordet må ha minst 12 tegn. Det har 4.',
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await noViolations(page, 'set password errors');
    await page.locator('#reset-password').fill(NEW_PASSWORD);
    await page.locator('#reset-repeat').fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expect(page.locator('#reset-repeat-error').textContent()).resolves.toBe('Passordene er ikke like.');
    // "Show the passwords" turns both fields to plain text.
    await page.getByLabel('Vis passordene').check();
    await expect(page.locator('#reset-repeat').getAttribute('type')).resolves.toBe('text');
    await page.locator('#reset-repeat').fill(NEW_PASSWORD);
    await page.locator('#reset-repeat').press('Enter');

    await page.locator('h1', { hasText: 'Passordet er endret' }).waitFor();
    await expect(page.locator('.reset-answer [role="status"]').textContent()).resolves.toContain(
      'Du er logget ut overalt',
    );
    await noViolations(page, 'password changed');
    await page.getByRole('link', { name: 'Logg inn med det nye passordet' }).click();
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(NEW_PASSWORD);
    await page.locator('#login-password').press('Enter');
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);

    // The link works once: the second time the server's words, and a way to ask again.
    await page.goto(link);
    await page.locator('#reset-password').fill('nok en lang passfrase her');
    await page.locator('#reset-repeat').fill('nok en lang passfrase her');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await page.locator('h1', { hasText: 'Lenken virker ikke' }).waitFor();
    await expect(page.locator('[role="alert"]').textContent()).resolves.toMatch(/ugyldig, allerede brukt/);
    await page.getByRole('link', { name: 'Be om en ny lenke' }).click();
    await page.locator('h1', { hasText: 'Glemt passordet' }).waitFor();
    await context.close();
  }, 60_000);

  it('speaks English, passes axe in English and fits 320 px', async () => {
    const context = await openContext(web.browser, { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/reset-password`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Forgotten password' }).waitFor();
    await noViolations(page, 'en request form');
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth);
    await expect(fits()).resolves.toBeLessThanOrEqual(320);
    await page.locator('#reset-email').fill('someone@example.test');
    await page.getByRole('button', { name: 'Send link' }).click();
    await expect(page.locator('.reset-answer [role="status"]').textContent()).resolves.toMatch(
      /^If the address belongs to an account/,
    );

    await page.goto(`${web.t.baseUrl}/admin/reset-password?token=${'x'.repeat(43)}`);
    await page.locator('h1', { hasText: 'Set a new password' }).waitFor();
    await expect(fits()).resolves.toBeLessThanOrEqual(320);
    await noViolations(page, 'en set password form');
    await page.locator('#reset-password').fill(NEW_PASSWORD);
    await page.locator('#reset-repeat').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.locator('h1', { hasText: 'The link does not work' }).waitFor();
    await noViolations(page, 'en invalid link');
    await context.close();
  }, 60_000);
});
