// The language slips a newcomer met, as the pages show them: the reporter's notification choice
// in words ("E-post", never "email"), the nynorsk inbox's ages ("for 3 minutt sidan"), the
// dashboard's weeks ("uke 49, 2026", never "2026-W49"), and on the residents' pages the nearby
// report's line ("Blocked sewer, 120 m away") and a photo's alt text ("Bilde 1", not "Bilder 1").
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jpeg } from '../support/images.ts';
import { buildStaffUser } from '../support/staff.ts';
import { createApiReport, openContext, REVIEW_PAGE, submitReportForm, useWebApp } from '../support/web.ts';

const K = '4001';

describe('language slips', () => {
  const web = useWebApp();

  async function logIn(): Promise<Page> {
    const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['saksbehandler'] });
    const context = await openContext(web.browser);
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    return page;
  }

  it('says how the reporter is notified in words, in bokmål and English', async () => {
    const report = await createApiReport(web.t, {
      answers: {},
      contact: { name: 'Kari Nordmann', email: 'kari@example.no', notify: 'email' },
    });
    const page = await logIn();
    await page.locator('.inbox-row', { hasText: report.ref }).getByRole('link').click();
    await page.locator('#case-heading', { hasText: report.ref }).waitFor();
    await page.getByRole('button', { name: 'Vis kontaktinfo' }).click();
    const notified = page
      .locator('.case-contact dt', { hasText: 'Varsling' })
      .locator('xpath=following-sibling::dd[1]');
    await expect(notified.textContent()).resolves.toBe('E-post');
    await page.getByRole('button', { name: 'English' }).click();
    const notifiedEn = page
      .locator('.case-contact dt', { hasText: 'Notifications' })
      .locator('xpath=following-sibling::dd[1]');
    await expect(notifiedEn.textContent()).resolves.toBe('By email');
    await page.context().close();
  });

  it('gives the inbox’s ages in nynorsk words', async () => {
    const report = await createApiReport(web.t, { answers: {} });
    await web.t.ctx.db.db.execute(
      sql`update reports set created_at = now() - interval '3 minutes 10 seconds' where ref = ${report.ref}`,
    );
    const page = await logIn();
    await page.getByRole('button', { name: 'Nynorsk' }).click();
    const age = page.locator('.inbox-row', { hasText: report.ref }).locator('.inbox-row-end time').first();
    await expect.poll(() => age.textContent(), { timeout: 5000 }).toBe('for 3 minutt sidan');
    await expect(page.locator('.inbox-rows').textContent()).resolves.not.toMatch(/minutter|siden/);
    await page.context().close();
  });

  it('names the dashboard’s weeks "uke 49, 2026"', async () => {
    await createApiReport(web.t, { answers: {} });
    const page = await logIn();
    await page.goto(`${web.t.baseUrl}/admin/m/${K}/dashboard`);
    const weeks = page.locator('.chart-figure', { hasText: 'Mottatt og utført per uke' });
    await weeks.locator('summary').click();
    const labels = await weeks.locator('tbody th').allTextContents();
    expect(labels.length).toBeGreaterThan(4);
    for (const label of labels) expect(label).toMatch(/^uke \d{1,2}, \d{4}$/);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/\d{4}-W\d{2}/);
    await page.context().close();
  });

  it('on the residents’ pages: a space before the distance, and "Photo 1" / "Bilde 1" for a photo', async () => {
    await createApiReport(web.t, {
      category: 'avlop-tett',
      location: { lat: 59.1302, lon: 9.641 },
      answers: {},
    });
    const photo = await jpeg(800, 600);
    const context = await openContext(web.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    // About 120 m from the earlier report, in English.
    await page.goto(`${web.t.baseUrl}/porsgrunn/meld?lat=59.1312&lon=9.6418&lang=en`);
    await page.locator('#category-avlop-tett').check();
    await page.locator('#description').fill('The drain in the street overflows.');
    await page.setInputFiles('#photos', { name: 'drain.jpg', mimeType: 'image/jpeg', buffer: photo });
    await submitReportForm(page, REVIEW_PAGE);

    const line = (await page.locator('ul.nearby > li p').first().textContent()) ?? '';
    expect(line.replace(/\s+/g, ' ')).toMatch(/: Blocked sewer, \d+ m away, reported /);
    await expect(page.locator('main .photos img').first().getAttribute('alt')).resolves.toBe('Photo 1');

    // The same draft in bokmål: one photo is "Bilde 1".
    await page.goto(`${page.url()}?lang=nb`);
    await expect(page.locator('main .photos img').first().getAttribute('alt')).resolves.toBe('Bilde 1');
    await Promise.all([
      page.waitForURL(/\/kvittering\?token=/),
      page.getByRole('button', { name: 'Send meldingen' }).click(),
    ]);
    await Promise.all([
      page.waitForURL(/\/porsgrunn\/meldinger\/[\d-]+\?token=/),
      page.locator('.tracking-link a').click(),
    ]);
    await expect(page.locator('main .photos img').first().getAttribute('alt')).resolves.toBe('Bilde 1');
    await context.close();
  });
});
