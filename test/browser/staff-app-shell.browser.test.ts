// The staff back office (admin/, built into admin/dist by test/global-setup.ts) as the server
// serves it at /admin: the app and its fallback, cache headers, the login page in Chromium (axe,
// keyboard, the server's refusal shown and focused), and the shell after a real login.
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OIDC_START_LIMIT_PER_MINUTE } from '../../src/modules/accounts/oidc-routes.ts';
import type { StaffRole } from '../../src/modules/accounts/roles.ts';
import { buildStaffUser } from '../support/staff.ts';
import { axeViolations, expectNoViolations, openContext, useWebApp } from '../support/web.ts';

/** What has focus: its id, or its tag and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 60)}`;
  });
}

async function tabTo(page: Page, selector: string, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab did not reach ${selector} in ${max} presses (focus is on ${await focused(page)})`);
}

describe('the staff back office', () => {
  const web = useWebApp();

  describe('before logging in', () => {
    it('serves the built app at /admin/ and at any address inside it', async () => {
      const index = await fetch(`${web.t.baseUrl}/admin/`);
      expect(index.status).toBe(200);
      expect(index.headers.get('cache-control')).toBe('no-cache');
      const html = await index.text();
      expect(html).toContain('<div id="root"></div>');
      const entry = /<script type="module" crossorigin src="(\/admin\/assets\/index-[\w-]+\.js)"/.exec(
        html,
      )?.[1];
      expect(entry, 'the entry script in index.html').toBeDefined();

      const deep = await fetch(`${web.t.baseUrl}/admin/m/4001/reports/4001-2026-00001`);
      expect(deep.status).toBe(200);
      await expect(deep.text()).resolves.toBe(html);
      const unknown = await fetch(`${web.t.baseUrl}/admin/anything/at/all`);
      expect(unknown.status).toBe(200);
      await expect(unknown.text()).resolves.toBe(html);

      const script = await fetch(`${web.t.baseUrl}${entry}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(script.status).toBe(200);
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(script.headers.get('content-encoding')).toBe('gzip');
      // The residents' pages are unaffected: /admin is not taken for a municipality's slug.
      expect((await fetch(`${web.t.baseUrl}/porsgrunn`)).status).toBe(200);
    });

    it('sends a visitor who is not logged in to the login page, which axe finds nothing wrong with', async () => {
      const page = await web.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
          errors.push(message.text());
      });
      await page.goto(`${web.t.baseUrl}/admin/`);
      await page.waitForURL(/\/admin\/login$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Logg inn');
      await expect(page.title()).resolves.toBe('Logg inn – Meldepunkt');
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('nb');
      await expect(page.locator('main#main').count()).resolves.toBe(1);
      expectNoViolations(await axeViolations(page));

      // Another language: the texts and <html lang> follow.
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Log in');
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      expectNoViolations(await axeViolations(page));
      await page.getByRole('button', { name: 'Bokmål' }).click();

      expect(errors).toEqual([]);
      await page.close();
    });

    it('works with the keyboard alone, and shows the server’s refusal in a summary that takes focus', async () => {
      const page = await web.context.newPage();
      await page.goto(`${web.t.baseUrl}/admin/login`);
      await page.locator('h1').waitFor();

      // The skip link comes first and takes focus to <main>.
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page), { timeout: 5000 }).toBe('a: Hopp til hovedinnholdet');
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#main');

      // Sending the empty form: both fields are named in the summary, which gets focus; its links
      // lead to the fields.
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      await expect(summary.getAttribute('role')).resolves.toBe('alert');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
        .toBe(true);
      await expect(summary.locator('li').allTextContents()).resolves.toEqual([
        'Skriv e-postadressen din.',
        'Skriv passordet ditt.',
      ]);
      await expect(page.locator('#login-email').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.locator('#login-email').getAttribute('aria-describedby')).resolves.toBe(
        'login-email-error',
      );
      expectNoViolations(await axeViolations(page));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#login-email');

      // Typed in and sent with Enter from the password field.
      await page.keyboard.type('kari@example.no');
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page), { timeout: 5000 }).toBe('#login-password');
      await page.keyboard.type('feil passord');
      const answered = page.waitForResponse(
        (response) =>
          response.url().endsWith('/api/v1/staff/session') && response.request().method() === 'POST',
      );
      await page.keyboard.press('Enter');
      const response = await answered;
      const refusal = (await response.json()) as { error: { message: string } };

      // Whatever the server said (401 invalid_credentials; before the session API exists, its 404),
      // the page shows its message, in the summary, which has focus again.
      expect(response.status()).toBeGreaterThanOrEqual(400);
      await expect.poll(() => summary.locator('li').allTextContents()).toEqual([refusal.error.message]);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
        .toBe(true);
      // The request asked for the UI's language; the button is usable again; the password is cleared.
      expect(response.request().headers()['accept-language']).toBe('nb');
      await expect(page.locator('button[type="submit"]').isEnabled()).resolves.toBe(true);
      await expect(page.locator('#login-password').inputValue()).resolves.toBe('');
      await page.close();
    });

    it('says to wait when a client started too many logins through the municipality’s provider', async () => {
      // Porsgrunn has no provider here: each start answers 404, and still counts against the limit.
      for (let i = 0; i < OIDC_START_LIMIT_PER_MINUTE; i++) {
        const start = await fetch(`${web.t.baseUrl}/api/v1/staff/oidc/4001/start`, { redirect: 'manual' });
        await start.arrayBuffer();
      }
      const page = await web.context.newPage();
      await page.goto(`${web.t.baseUrl}/api/v1/staff/oidc/4001/start`);
      await page.waitForURL(/\/admin\/login\?error=oidc_rate_limited$/);
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'For mange innloggingsforsøk herfra på kort tid. Vent et minutt og prøv igjen.',
      );
      await page.close();
    });

    it('keeps the first load small', async () => {
      const html = await (await fetch(`${web.t.baseUrl}/admin/`)).text();
      const entry = /src="(\/admin\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1] ?? '';
      const script = await fetch(`${web.t.baseUrl}${entry}`);
      const gzipBytes = gzipSync(Buffer.from(await script.arrayBuffer())).byteLength;
      // React, React DOM and React Router are most of it; pages come in chunks of their own.
      expect(gzipBytes).toBeLessThan(130 * 1024);
    });
  });

  describe('when logged in', () => {
    /** A new browser (context) logged in through the login page as a member of Porsgrunn. */
    async function logIn(roles: StaffRole[]): Promise<Page> {
      const user = await buildStaffUser(web.t.ctx.db.db, {
        kommunenummer: '4001',
        roles,
        name: 'Kari Saksbehandler',
      });
      const context = await openContext(web.browser);
      const page = await context.newPage();
      await page.goto(`${web.t.baseUrl}/admin/`);
      await page.waitForURL(/\/admin\/login$/);
      await page.locator('#login-email').fill(user.email);
      await page.locator('#login-password').fill(user.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
      return page;
    }

    it('opens the first municipality’s inbox, with the menu for the member’s roles, and logs out', async () => {
      const page = await logIn(['saksbehandler']);
      await expect(page.locator('h1').textContent()).resolves.toBe('Innboks');
      // After the login the new page's heading has focus.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
      await expect(menu.getByRole('link').allTextContents()).resolves.toEqual([
        'Innboks',
        'Dashboard',
        'Driftsmeldinger',
        'Abonnenter',
        'Anlegg',
      ]);
      await expect(menu.getByRole('link', { name: 'Innboks' }).getAttribute('aria-current')).resolves.toBe(
        'page',
      );
      expectNoViolations(await axeViolations(page));

      // A page the roles do not open says so.
      await page.goto(`${web.t.baseUrl}/admin/m/4001/admin`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Ingen tilgang');

      // The user menu, by keyboard: it opens, and "Logg ut" ends the session.
      await page.goto(`${web.t.baseUrl}/admin/m/4001/dashboard`);
      const toggle = page.getByRole('button', { name: 'Brukermeny for Kari Saksbehandler' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      expectNoViolations(await axeViolations(page));
      await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
      await page.waitForURL(/\/admin\/login$/);
      const after = await page.evaluate(async () => (await fetch('/api/v1/staff/session')).status);
      expect(after).toBe(401);
      await page.context().close();
    });

    it('shows Servicekontor, Administrasjon and Utboks to an administrator, whose administration opens on settings', async () => {
      const page = await logIn(['admin']);
      const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
      await expect(menu.getByRole('link').allTextContents()).resolves.toEqual([
        'Innboks',
        'Servicekontor',
        'Dashboard',
        'Driftsmeldinger',
        'Abonnenter',
        'Anlegg',
        'Administrasjon',
        'Utboks',
      ]);
      await menu.getByRole('link', { name: 'Administrasjon' }).click();
      await page.waitForURL(/\/admin\/m\/4001\/admin\/settings$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Innstillinger');
      await expect(page.title()).resolves.toBe('Innstillinger – Meldepunkt');
      expectNoViolations(await axeViolations(page));

      // 320 px wide (a phone, or 1280 px at 400 % zoom): everything wraps, nothing scrolls sideways.
      await page.setViewportSize({ width: 320, height: 640 });
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
        320,
      );
      await page.context().close();
    });
  });
});
