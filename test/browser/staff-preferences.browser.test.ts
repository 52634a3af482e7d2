// "Mine varsler" in Chromium: reached from the user menu by keyboard, the defaults shown, a
// change saved (and said in a live region), still there after a reload; axe in bokmål and English,
// and 320 px.
import { describe, expect, it } from 'vitest';
import { logInAs } from '../support/staff.ts';
import { axeViolations, expectNoViolations, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

describe('my notification preferences', () => {
  const web = useWebApp();

  it('opens from the user menu, saves a change and shows it after a reload', async () => {
    const { page, user } = await logInPage(web.t, web.browser, ['saksbehandler'], 'Vera Varsel');
    await page.getByRole('button', { name: 'Brukermeny for Vera Varsel' }).press('Enter');
    const menuLink = page.getByRole('link', { name: 'Mine varsler' });
    await menuLink.focus();
    await menuLink.press('Enter');
    await page.waitForURL(/\/admin\/m\/4001\/preferences$/);
    await page.locator('h1', { hasText: 'Mine varsler' }).waitFor();
    await page.locator('form.prefs-form').waitFor();

    // The defaults: a morning digest, acute reports and deadlines.
    await expect.poll(() => page.getByLabel(/^Samlet/).isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel('Akutte meldinger med en gang').isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel('Frister').isChecked()).toBe(true);
    expectNoViolations(await axeViolations(page));

    // Arrow keys move between the radios; Space toggles a checkbox.
    await page.getByLabel(/^Samlet/).focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.getByLabel(/^Straks/).isChecked()).toBe(true);
    await page.getByLabel('Frister').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Lagre varslene' }).click();
    const notice = page.locator('.prefs-notice[role="status"]');
    // The notice is filled in when the server has answered.
    await notice.filter({ hasText: 'Varslene er lagret.' }).waitFor();

    // The server has it, and a reload shows it.
    const staff = await logInAs(web.t, user);
    const stored = await staff.request('GET', '/api/v1/staff/m/4001/me/notification-preferences');
    expect(stored.body).toEqual({ newReports: 'immediate', acute: true, deadlines: false });
    await page.reload();
    await page.locator('form.prefs-form').waitFor();
    await expect.poll(() => page.getByLabel(/^Straks/).isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel('Frister').isChecked()).toBe(false);
    await expect.poll(() => page.getByLabel('Akutte meldinger med en gang').isChecked()).toBe(true);
    await expect(notice.textContent()).resolves.toBe('');

    // Off, by keyboard only, in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'My notifications' }).waitFor();
    expectNoViolations(await axeViolations(page));
    await page.getByLabel('No email').check();
    await page.getByRole('button', { name: 'Save notifications' }).press('Enter');
    await notice.filter({ hasText: 'Your notifications have been saved.' }).waitFor();
    await page.reload();
    await page.locator('form.prefs-form').waitFor();
    // (After a reload the session's own language, bokmål, applies again.)
    await expect.poll(() => page.getByLabel(/^(Ingen e-post|No email)$/).isChecked()).toBe(true);
    await page.context().close();
  }, 60_000);

  it('says why a save failed and keeps the choice; fits 320 px', async () => {
    const { page } = await logInPage(web.t, web.browser, ['leser'], 'Lise Leser');
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(inside(web.t, 'preferences'));
    await page.locator('form.prefs-form').waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
    // No team here: said plainly.
    await expect(page.locator('main').textContent()).resolves.toContain('Du er ikke med i noe team');

    await page.getByLabel('Ingen e-post').check();
    await page.route('**/me/notification-preferences', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'unavailable', message: 'Tjenesten er nede.' } }),
          })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Lagre varslene' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary.textContent()).resolves.toContain('Tjenesten er nede.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await expect.poll(() => page.getByLabel('Ingen e-post').isChecked()).toBe(true);
    await page.context().close();
  }, 60_000);
});
