// Sessions in the back office: a field worker ends their lost phone's session from Min konto, and
// an administrator ends a member's phone session under Administrasjon › Brukere; each is confirmed
// on the page, and the phone's session no longer opens anything. Axe on both.
import { describe, expect, it } from 'vitest';
import { buildStaffUser, logInAs, TEST_PASSWORD } from '../support/staff.ts';
import { axeViolations, expectNoViolations, openContext, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

describe('sessions in the back office', () => {
  const web = useWebApp();

  it('lets a person log out their own lost phone from Min konto', async () => {
    const user = await buildStaffUser(web.t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['feltarbeider'],
      name: 'Frida Felt',
    });
    const phone = await logInAs(web.t, user, { deviceName: 'Servicebil 7' });
    expect((await phone.request('GET', '/api/v1/staff/sessions')).status).toBe(200);

    const context = await openContext(web.browser);
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(TEST_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\//);
    await page.goto(`${web.t.baseUrl}/admin/account`);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Innloggingene dine' }),
    });
    const phoneRow = section.locator('li', { hasText: 'Servicebil 7' });
    await phoneRow.waitFor();
    await expect(section.locator('li', { hasText: '(denne)' }).count()).resolves.toBe(1);
    expectNoViolations(await axeViolations(page));

    await phoneRow.getByRole('button', { name: 'Logg ut Servicebil 7' }).click();
    await section.getByRole('status').filter({ hasText: 'Servicebil 7 er logget ut.' }).waitFor();
    await phoneRow.waitFor({ state: 'detached' });
    expect((await phone.request('GET', '/api/v1/staff/sessions')).status).toBe(401);
    await context.close();
  }, 60_000);

  it("lets an administrator log out a member's phone, confirmed and gone", async () => {
    const member = await buildStaffUser(web.t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['feltarbeider'],
      name: 'Ola Ute',
    });
    const phone = await logInAs(web.t, member, { deviceName: 'Mobil Ola' });
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.goto(inside(web.t, 'admin/users'));
    await page.getByRole('button', { name: 'Innlogginger Ola Ute' }).click();
    const panel = page.getByRole('region', { name: 'Innlogginger for Ola Ute' });
    const row = panel.locator('li', { hasText: 'Mobil Ola' });
    await row.waitFor();
    expectNoViolations(await axeViolations(page));
    await row.getByRole('button', { name: 'Logg ut Mobil Ola' }).click();
    await page.getByRole('status').filter({ hasText: 'Mobil Ola for Ola Ute er logget ut.' }).waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await phone.request('GET', '/api/v1/staff/sessions')).status).toBe(401);
    await panel.getByRole('button', { name: 'Lukk' }).click();
    await page.getByRole('button', { name: 'Innlogginger Ola Ute' }).waitFor();
    await page.context().close();
  }, 60_000);
});
