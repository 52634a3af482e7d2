// Axe on every administration page, the outbox, the front desk, the dashboard and the notices, in bokmål and
// English, with the forms opened; and nothing scrolls sideways at 320 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logInAs } from '../support/staff.ts';
import { axeViolations, createApiReport, expectNoViolations, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

const PAGES = [
  'admin/settings',
  'admin/categories',
  'admin/teams',
  'admin/users',
  'admin/templates',
  'admin/links',
  'admin/audit',
  'admin/assets/import',
  'outbox',
  'front-desk',
  'dashboard',
  'notices',
  'notices/new',
  'notices/templates',
];

/** Opens the page and waits until it has its heading and nothing is loading. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('h1.page-heading').waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
}

async function noViolations(page: Page, where: string): Promise<void> {
  const problems = await axeViolations(page);
  expectNoViolations(problems.map((p) => `${where}: ${p}`));
}

describe('accessibility of the office pages', () => {
  const web = useWebApp();

  it('finds no violations on any page or opened form, in bokmål and English', async () => {
    await createApiReport(web.t);
    const { page, user } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    // Something in the audit log, with before and after.
    const staff = await logInAs(web.t, user);
    const team = await staff.request('POST', '/api/v1/staff/m/4001/admin/teams', {
      code: 'vakt',
      name: 'Vakt',
    });
    expect(team.status).toBe(201);
    for (const language of ['Bokmål', 'English']) {
      await page.getByRole('button', { name: language }).click();
      for (const path of PAGES) {
        await open(page, inside(web.t, path));
        await noViolations(page, `${language} ${path}`);
      }
      await open(page, inside(web.t, 'admin/categories'));
      await page.locator('.category-group button.button-secondary').last().click();
      await page.locator('.questions-editor > .row-actions > button').nth(3).click(); // a "single choice" question
      await page.locator('.option-list + button').last().click();
      await page.locator('.option-list li').first().waitFor();
      await noViolations(page, `${language} category form`);

      await open(page, inside(web.t, 'admin/templates'));
      await page.locator('main .button-primary').first().click();
      await page.locator('.template-preview').waitFor();
      await noViolations(page, `${language} template form`);

      await open(page, inside(web.t, 'admin/links'));
      await page.locator('main .button-primary').first().click();
      await page.locator('form.admin-form').waitFor();
      await noViolations(page, `${language} link form`);

      await open(page, inside(web.t, 'admin/users'));
      await page.locator('tbody .button-secondary').first().click();
      await page.locator('tbody form').waitFor();
      await noViolations(page, `${language} user form`);

      await open(page, inside(web.t, 'admin/audit'));
      await page.locator('details summary').first().click();
      await noViolations(page, `${language} audit entry`);
    }
    await page.context().close();
  }, 240_000);

  it('fits 320 px without sideways scrolling', async () => {
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [
      'admin/categories',
      'admin/users',
      'admin/assets/import',
      'front-desk',
      'dashboard',
      'outbox',
    ]) {
      await open(page, inside(web.t, path));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
    }
    await page.context().close();
  }, 60_000);
});
