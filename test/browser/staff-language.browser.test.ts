// The language chosen in the back office lasts: chosen on the login page it carries into the
// session and onto the account; chosen with the header's switch it is saved on the account; a
// reload, or a deep link in a browser that kept nothing, shows it. A session opened through one
// municipality's login may not change the account: there the choice stays in the browser, and
// nothing alarming is said.
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { createSession, SESSION_COOKIE } from '../../src/modules/accounts/sessions.ts';
import { buildSecondMunicipality } from '../support/second-municipality.ts';
import { type BuiltStaffUser, buildStaffUser } from '../support/staff.ts';
import { createApiReport, openContext, useWebApp } from '../support/web.ts';

const K = '4001';
/** Two browsers, logins and reloads each: more than the usual 30 s on a busy machine. */
const LONG = { timeout: 60_000 };

describe('the back office keeps the language chosen', () => {
  const web = useWebApp();

  async function accountLanguage(userId: string): Promise<string | undefined> {
    const [row] = await queryRows<{ language: string }>(
      web.t.ctx.db.db,
      sql`select language from staff_users where id = ${userId}::uuid`,
    );
    return row?.language;
  }

  async function reportId(ref: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      web.t.ctx.db.db,
      sql`select id from reports where ref = ${ref}`,
    );
    if (!row) throw new Error(`no report ${ref}`);
    return row.id;
  }

  /** Logs in through the login page as it stands (no language pressed there). */
  async function logInPage(context: BrowserContext, user: BuiltStaffUser): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    return page;
  }

  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
  const navText = (page: Page) => page.getByRole('navigation').first().textContent();

  it(
    'carries English from the login page into the session and onto the account, past reloads and deep links',
    LONG,
    async () => {
      const report = await createApiReport(web.t, { answers: {} });
      const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['saksbehandler'] });
      const context = await openContext(web.browser);
      const page = await context.newPage();
      await page.goto(`${web.t.baseUrl}/admin/login`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await page.locator('#login-email').fill(user.email);
      await page.locator('#login-password').fill(user.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      await expect(htmlLang(page)).resolves.toBe('en');
      await expect.poll(() => accountLanguage(user.id), { timeout: 5000 }).toBe('en');

      await page.reload();
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      await expect(htmlLang(page)).resolves.toBe('en');

      // Another browser, nothing kept in it: the login page is in bokmål, the account in English.
      const other = await openContext(web.browser);
      const second = await logInPage(other, user);
      await second.goto(`${web.t.baseUrl}/admin/m/${K}/reports/${await reportId(report.ref)}`);
      await second.getByRole('heading', { name: 'History' }).waitFor();
      await expect(htmlLang(second)).resolves.toBe('en');
      await expect(navText(second)).resolves.toContain('Inbox');
      await other.close();
      await context.close();
    },
  );

  it(
    'saves the header’s switch on the account: nynorsk after a reload and in another browser',
    LONG,
    async () => {
      const report = await createApiReport(web.t, { answers: {} });
      const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['saksbehandler'] });
      const context = await openContext(web.browser);
      const page = await logInPage(context, user);
      await expect(htmlLang(page)).resolves.toBe('nb');
      await page.locator('.inbox-row', { hasText: `${report.ref} Vannlekkasje` }).waitFor();
      await page.getByRole('button', { name: 'Nynorsk' }).click();
      await page.getByRole('button', { name: /^Opne \d+$/ }).waitFor();
      // The rows' names come in the new language too, without a reload.
      await page.locator('.inbox-row', { hasText: `${report.ref} Vasslekkasje` }).waitFor();
      await expect.poll(() => accountLanguage(user.id), { timeout: 5000 }).toBe('nn');

      const deepLink = `${web.t.baseUrl}/admin/m/${K}/reports/${await reportId(report.ref)}`;
      await page.goto(deepLink);
      await page.getByRole('heading', { name: 'Historikk' }).waitFor();
      await expect(htmlLang(page)).resolves.toBe('nn');
      await expect(page.locator('#case-heading').textContent()).resolves.toContain('Vasslekkasje');
      // A switch while a case is open names it in the new language; focus stays on the switch.
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('#case-heading', { hasText: 'Water leak' }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('English');
      await page.getByRole('button', { name: 'Nynorsk' }).click();
      await page.locator('#case-heading', { hasText: 'Vasslekkasje' }).waitFor();
      await page.reload();
      await page.locator('#case-heading').waitFor();
      await expect(htmlLang(page)).resolves.toBe('nn');

      const other = await openContext(web.browser);
      const second = await logInPage(other, user);
      await expect(htmlLang(second)).resolves.toBe('nn');
      await second.goto(deepLink);
      await second.locator('#case-heading').waitFor();
      await expect(htmlLang(second)).resolves.toBe('nn');
      await other.close();
      await context.close();
    },
  );

  it(
    'keeps the choice in the browser, quietly, in a session that may not change the account',
    LONG,
    async () => {
      const skien = await buildSecondMunicipality(web.t.ctx.db.db);
      const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['saksbehandler'] });
      await web.t.ctx.db.db.execute(
        sql`insert into staff_roles (user_id, kommunenummer, role) values (${user.id}::uuid, ${skien.kommunenummer}, 'leser')`,
      );
      // A session as Porsgrunn's own login opens it: it speaks for Porsgrunn only.
      const { token } = await createSession(
        web.t.ctx.db.db,
        user.id,
        { method: 'oidc', kommunenummer: K },
        'test',
      );
      const context = await openContext(web.browser);
      await context.addCookies([{ name: SESSION_COOKIE, value: token, url: web.t.baseUrl }]);
      const page = await context.newPage();
      await page.goto(`${web.t.baseUrl}/admin/m/${K}/inbox`);
      await page.getByRole('heading', { name: 'Innboks', level: 1 }).waitFor();

      const refused = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/staff/account') && r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: 'English' }).click();
      const answer = await refused;
      expect(answer.status()).toBe(403);
      expect((await answer.json()).error.code).toBe('account_session_scoped');
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      await expect(page.locator('[role="alert"], .error-summary').count()).resolves.toBe(0);
      await expect(accountLanguage(user.id)).resolves.toBe('nb');

      await page.reload();
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      await expect(htmlLang(page)).resolves.toBe('en');
      await expect(page.locator('[role="alert"], .error-summary').count()).resolves.toBe(0);
      await context.close();
    },
  );
});
