// Invitations in Chromium, end to end: an administrator invites a new person on the users page;
// the email arrives at the real SMTP test server; its link, opened in another browser, lets the
// person set their own password and land in the back office. A person who already has an account
// (in Skien) logs in from the invitation's page and accepts. A used link says so. Axe on every
// step, and on "My account".
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFromMail } from '../support/mailbox.ts';
import { FAST } from '../support/notifications.ts';
import { buildSecondMunicipality } from '../support/second-municipality.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';
import { buildStaffUser, logInAs } from '../support/staff.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  axeViolations,
  expectNoViolations,
  launchBrowserFor,
  openContext,
  PUBLIC_URL,
  startWebApp,
} from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

describe('staff invitations', () => {
  let smtp: TestSmtpServer | undefined;
  let app: TestApp | undefined;
  let chromium: Browser | undefined;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startWebApp(
      { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' },
      { notifications: FAST },
    );
    await buildSecondMunicipality(app.ctx.db.db);
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
    get smtp(): TestSmtpServer {
      if (!smtp) throw new Error('the mail server is not set up yet');
      return smtp;
    },
  };

  async function noViolations(page: Page, where: string) {
    expectNoViolations((await axeViolations(page)).map((p) => `${where}: ${p}`));
  }

  /** Opens the emailed link in a fresh browser, at the app's public address. */
  async function openLink(email: string, nth = 0): Promise<Page> {
    const token = await tokenFromMail(web.smtp, email, '/admin/invitation', nth);
    const context = await openContext(web.browser);
    const page = await context.newPage();
    await page.goto(`${PUBLIC_URL}/admin/invitation?token=${token}`);
    await page.locator('h1', { hasText: 'Invitasjon' }).waitFor();
    // The token leaves the address bar at once.
    expect(page.url()).toBe(`${PUBLIC_URL}/admin/invitation`);
    return page;
  }

  it('invites a new person, who sets their own password and lands in the back office', async () => {
    const { page: adminPage } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await adminPage.goto(inside(web.t, 'admin/users'));
    await adminPage.locator('#new-user-name').fill('Sara Saksbehandler');
    await adminPage.locator('#new-user-email').fill('sara@porsgrunn.test');
    await adminPage.locator('#new-user-role-saksbehandler').check();
    await adminPage.getByRole('button', { name: 'Send invitasjon' }).click();
    await adminPage
      .locator('.saved-notice', { hasText: 'Invitasjonen er sendt til sara@porsgrunn.test.' })
      .waitFor();
    const row = adminPage.locator('section[aria-labelledby="invitations-title"] tr', {
      hasText: 'sara@porsgrunn.test',
    });
    await expect(row.textContent()).resolves.toContain('Saksbehandler');
    await noViolations(adminPage, 'users page with an invitation');
    await adminPage.context().close();

    const page = await openLink('sara@porsgrunn.test');
    await page.getByRole('heading', { name: 'Lag kontoen din' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Porsgrunn kommune inviterer sara@porsgrunn.test',
    );
    await expect(page.locator('#invitation-name').inputValue()).resolves.toBe('Sara Saksbehandler');
    await noViolations(page, 'invitation, new person');
    // Too short first: said next to the field and in a focused summary.
    await page.locator('#invitation-password').fill('kort');
    await page.getByRole('button', { name: 'Lag konto og takk ja' }).click();
    await page.locator('.error-summary').waitFor();
    await expect(page.locator('#invitation-password').getAttribute('aria-invalid')).resolves.toBe('true');
    await noViolations(page, 'invitation, refused password');
    await page.locator('#invitation-password').fill('saras eget lange passord');
    await page.locator('#invitation-repeat').fill('saras eget lange passord');
    await page.getByRole('button', { name: 'Lag konto og takk ja' }).click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    await page.locator('h1', { hasText: 'Innboks' }).waitFor();
    await page.context().close();

    // The same link again: used.
    const again = await openLink('sara@porsgrunn.test');
    await again.getByText('Invitasjonen er allerede tatt imot').waitFor();
    await noViolations(again, 'invitation, used');
    await again.context().close();
  }, 60_000);

  it('lets a person with an account elsewhere log in from the invitation and accept it', async () => {
    const skien = await buildStaffUser(web.t.ctx.db.db, {
      kommunenummer: '4003',
      roles: ['leser'],
      email: 'kari@skien.test',
      name: 'Kari Skien',
    });
    const admin = await logInAs(
      web.t,
      await buildStaffUser(web.t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }),
    );
    const invited = await admin.request('POST', '/api/v1/staff/m/4001/admin/users', {
      email: skien.email,
      name: 'Kari',
      roles: ['feltarbeider'],
    });
    expect(invited.status).toBe(201);

    const page = await openLink(skien.email);
    await page.getByText('Det finnes allerede en konto for kari@skien.test').waitFor();
    await noViolations(page, 'invitation, log in to accept');
    await page.getByRole('button', { name: 'Logg inn som kari@skien.test' }).click();
    await page.waitForURL(/\/admin\/login$/);
    await expect(page.locator('#login-email').inputValue()).resolves.toBe(skien.email);
    await page.locator('#login-password').fill(skien.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/invitation$/);
    await page.getByText('Du er logget inn som kari@skien.test.').waitFor();
    await noViolations(page, 'invitation, logged in');
    await page.getByRole('button', { name: 'Takk ja' }).click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    const session = await page.evaluate(async () => (await fetch('/api/v1/staff/session')).json());
    expect(session.memberships.map((m: { kommunenummer: string }) => m.kommunenummer)).toEqual([
      '4001',
      '4003',
    ]);

    // "My account" from the user menu, in bokmål and English.
    await page.goto(`${PUBLIC_URL}/admin/account`);
    await page.locator('h1', { hasText: 'Min konto' }).waitFor();
    await page.getByRole('heading', { name: 'Navn og språk' }).waitFor();
    await noViolations(page, 'my account (nb)');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'My account' }).waitFor();
    await noViolations(page, 'my account (en)');
    await page.context().close();
  }, 60_000);
});
