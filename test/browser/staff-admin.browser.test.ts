// Administrasjon in Chromium: an administrator creates a category that the residents' form then
// offers, invites a case handler who accepts and then logs in, and reorders categories with the keyboard.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { logInAs } from '../support/staff.ts';
import { local, useWebApp } from '../support/web.ts';
import { focused, inside, logInPage } from './staff-admin-helpers.ts';

interface AdminCategory {
  id: string;
  code: string;
  groupId: string;
  name: { nb: string };
  sortOrder: number;
}

describe('administration', () => {
  const web = useWebApp();

  it('creates a category with a question, which the residents’ report form then offers', async () => {
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.goto(inside(web.t, 'admin/categories'));
    await page.getByRole('heading', { name: 'Vann', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ny kategori i Vann' }).click();
    await page.locator('#new-category-name-nb').fill('Lekkasje i kum');
    await page.locator('#new-category-name-en').fill('Leak in a manhole');
    await page.locator('#new-category-deadlineHours').fill('12');
    // The public sees only the area of these reports, and the form says what each choice means.
    await page.getByLabel('Sted som vises offentlig').selectOption('coarse');
    await page.getByText('Den som meldte fra, ser alltid hele stedet').waitFor();
    await page.getByRole('button', { name: 'Nytt spørsmål: Ett valg' }).click();
    await page.locator('#new-category-questions-0-code').fill('dekkel');
    await page.locator('#new-category-questions-0-label-nb').fill('Ligger kumlokket på plass?');
    await page.getByRole('button', { name: 'Legg til alternativ' }).click();
    await page.locator('#new-category-questions-0-options-0-label-nb').fill('Ja');
    await page.getByRole('button', { name: 'Legg til alternativ' }).click();
    await page.locator('#new-category-questions-0-options-1-label-nb').fill('Nei, det mangler');
    await page.locator('#new-category-questions-0-options-1-acute').check();
    await page.getByRole('button', { name: 'Opprett kategori' }).click();
    await page.locator('.saved-notice', { hasText: 'Kategorien Lekkasje i kum er lagret.' }).waitFor();

    const [saved] = await queryRows<{ public_location: string }>(
      web.t.ctx.db.db,
      sql`select public_location from categories where code = 'lekkasje-i-kum'`,
    );
    expect(saved?.public_location).toBe('coarse');
    const form = await (await fetch(`${web.t.baseUrl}/porsgrunn/meld`)).text();
    expect(form).toContain('id="category-lekkasje-i-kum"');
    const residentPage = await page.context().newPage();
    await residentPage.goto(`${web.t.baseUrl}/porsgrunn/meld`);
    await residentPage.locator('#category-lekkasje-i-kum').check();
    await residentPage.getByText('Ligger kumlokket på plass?').waitFor();
    await page.context().close();
  });

  it('refuses a category without a name, next to the field and in a focused summary', async () => {
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.goto(inside(web.t, 'admin/categories'));
    await page.getByRole('button', { name: 'Ny kategori i Vann' }).click();
    await page.locator('#new-category-code').fill('uten-navn');
    await page.getByRole('button', { name: 'Opprett kategori' }).click();
    await page.locator('.error-summary').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await expect(page.locator('#new-category-name-nb').getAttribute('aria-invalid')).resolves.toBe('true');
    // The typed code is still there.
    await expect(page.locator('#new-category-code').inputValue()).resolves.toBe('uten-navn');
    await page.context().close();
  });

  it('invites a case handler, who accepts with the emailed link, sets a password and logs in', async () => {
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.goto(inside(web.t, 'admin/users'));
    await page.locator('#new-user-name').fill('Sara Saksbehandler');
    await page.locator('#new-user-email').fill('sara@porsgrunn.test');
    await page.locator('#new-user-role-saksbehandler').check();
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await page
      .locator('.saved-notice', { hasText: 'Invitasjonen er sendt til sara@porsgrunn.test.' })
      .waitFor();
    await expect(page.locator('tr', { hasText: 'sara@porsgrunn.test' }).textContent()).resolves.toContain(
      'Saksbehandler',
    );
    await page.context().close();

    // No mail server here: the email waits in the messages table, where the person's mailbox would be.
    const [message] = await queryRows<{ body_text: string }>(
      web.t.ctx.db.db,
      sql`select body_text from messages where kind = 'staff_invitation' and recipient = 'sara@porsgrunn.test'`,
    );
    const link = /http:\/\/meld\.test\/admin\/invitation\?token=[A-Za-z0-9_-]+/.exec(
      message?.body_text ?? '',
    )?.[0];
    expect(link).toBeDefined();
    const context = await web.browser.newContext();
    const invited = await context.newPage();
    await invited.goto(local(web.t, link ?? ''));
    await invited.locator('#invitation-password').fill('et langt og trygt passord');
    await invited.locator('#invitation-repeat').fill('et langt og trygt passord');
    await invited.getByRole('button', { name: 'Lag konto og takk ja' }).click();
    await invited.waitForURL(/\/admin\/m\/4001\/inbox$/);
    await context.close();

    const again = await web.browser.newContext();
    const login = await again.newPage();
    await login.goto(`${web.t.baseUrl}/admin/login`);
    await login.locator('#login-email').fill('sara@porsgrunn.test');
    await login.locator('#login-password').fill('et langt og trygt passord');
    await login.locator('button[type="submit"]').click();
    await login.waitForURL(/\/admin\/m\/4001\/inbox$/);
    await expect(login.locator('h1').textContent()).resolves.toBe('Innboks');
    await again.close();
  });

  it('reorders categories with the keyboard, saving the order and keeping focus on the moved one', async () => {
    const { page, user } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    const staff = await logInAs(web.t, user);
    const listed = async () => {
      const all = (await staff.request('GET', '/api/v1/staff/m/4001/admin/categories')).body
        .categories as AdminCategory[];
      const groupId = all.find((c) => c.code === 'vann-lavt-trykk')?.groupId;
      return all
        .filter((c) => c.groupId === groupId)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((c) => c.name.nb);
    };
    const before = await listed();
    const second = before[1] ?? '';
    await page.goto(inside(web.t, 'admin/categories'));
    const up = page.getByRole('button', { name: `Flytt opp ${second}` });
    await up.focus();
    const saved = page.waitForResponse((r) => r.url().endsWith('/categories/order'));
    await page.keyboard.press('Enter');
    expect((await saved).status()).toBe(200);
    await page
      .locator('.saved-notice', { hasText: `${second} er flyttet til plass 1 av ${before.length}.` })
      .waitFor();
    await expect(listed()).resolves.toEqual([second, before[0], ...before.slice(2)]);
    // Now first, its "up" is disabled: focus went to its "down", so Enter moves it back.
    await expect.poll(() => focused(page), { timeout: 5000 }).toBe(`button: Flytt ned ${second}`);
    await page.keyboard.press('Enter');
    await page.locator('.saved-notice', { hasText: `${second} er flyttet til plass 2` }).waitFor();
    await expect(listed()).resolves.toEqual(before);
    await page.context().close();
  });
});
