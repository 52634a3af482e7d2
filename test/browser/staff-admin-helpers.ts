// Shared by the back office's front desk, dashboard and administration browser tests: a staff
// member logged in through the real login page, and keyboard helpers.
import type { Browser, Page } from 'playwright-core';
import type { StaffRole } from '../../src/modules/accounts/roles.ts';
import { type BuiltStaffUser, buildStaffUser } from '../support/staff.ts';
import type { TestApp } from '../support/test-app.ts';
import { openContext } from '../support/web.ts';

/** A new browser context logged in through the login page as a member of Porsgrunn (4001). */
export async function logInPage(
  t: TestApp,
  browser: Browser,
  roles: StaffRole[],
  name = 'Siri Servicekontor',
): Promise<{ page: Page; user: BuiltStaffUser }> {
  const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles, name });
  const context = await openContext(browser);
  const page = await context.newPage();
  await page.goto(`${t.baseUrl}/admin/login`);
  await page.locator('#login-email').fill(user.email);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
  return { page, user };
}

/** What has focus: its id, or its tag and text. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 60)}`;
  });
}

/** Presses Tab until the element matching `selector` has focus. */
export async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab did not reach ${selector} in ${max} presses (focus is on ${await focused(page)})`);
}

/** The page's address inside the back office, e.g. inside(t, 'front-desk'). */
export function inside(t: TestApp, path: string): string {
  return `${t.baseUrl}/admin/m/4001/${path}`;
}
