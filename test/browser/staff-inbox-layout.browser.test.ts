// The inbox as a case handler sees it on a laptop: at 1366×768 (and 1440×900) at least 8 reports
// on the first screen, with a case open too; every filter still there (in the drawer); nothing
// scrolls sideways. In the case view the answers to the category's questions get room to be read,
// and the category lists (the drawer's and "Rett kategori eller sted") come group by group in the
// order the administrators set.
import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildStaffUser } from '../support/staff.ts';
import {
  axeViolations,
  createApiReport,
  expectNoViolations,
  openContext,
  useWebApp,
} from '../support/web.ts';

const K = '4001';

/** Reports of several kinds, with descriptions and answers of the lengths people write. */
const REPORTS: Record<string, unknown>[] = [
  {
    category: 'vann-misfarget',
    description: 'Brunt vann i springen siden i morges, både kaldt og varmt.',
    answers: { 'rent-kaldt': true, naboer: 'ja' },
  },
  { category: 'vann-lekkasje', description: 'Vann renner opp av asfalten utenfor nr. 12.', answers: {} },
  { category: 'avlop-tett', description: 'Kloakken i kjelleren går tregt og lukter vondt.', answers: {} },
  { category: 'vei-hull', description: 'Stort hull i veien rett etter rundkjøringen.', answers: {} },
  { category: 'park-benk', description: 'Benken ved dammen er knust.', answers: {} },
  { category: 'vann-lavt-trykk', description: 'Nesten ikke trykk i dusjen.', answers: {} },
  {
    category: 'avlop-kumlokk',
    description: 'Kumlokket mangler helt, det er et åpent hull i fortauet.',
    answers: { tilstand: 'mangler' },
  },
  { category: 'vei-gatelys', description: 'Tre gatelys er mørke langs gangveien.', answers: {} },
  { category: 'vann-lekkasje', description: 'Det fosser vann fra en kum.', answers: { mengde: 'fosser' } },
  { category: 'park-forsopling', description: 'Mye søppel etter helgen.', answers: {} },
  { category: 'avlop-lukt', description: 'Kloakklukt ved bekken.', answers: {} },
  { category: 'vann-misfarget', description: 'Misfarget vann.', answers: { 'rent-kaldt': true } },
];

describe('the inbox on a laptop screen', () => {
  const web = useWebApp();

  async function logIn(viewport: { width: number; height: number }): Promise<Page> {
    const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['saksbehandler'] });
    const context = await openContext(web.browser, { viewport });
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    return page;
  }

  /** How many report rows lie wholly inside the window, as it is, without scrolling. */
  function rowsInView(page: Page): Promise<number> {
    return page.evaluate(() => {
      const height = window.innerHeight;
      const width = window.innerWidth;
      return [...document.querySelectorAll('.inbox-row')].filter((row) => {
        const box = row.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= height && box.left >= 0 && box.right <= width;
      }).length;
    });
  }

  const sidewaysScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('shows at least 8 reports on the first screen at 1366×768 and 1440×900, with a case open too', async () => {
    for (const report of REPORTS) await createApiReport(web.t, report);
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1440, height: 900 },
    ]) {
      const page = await logIn(viewport);
      await page
        .locator('.inbox-row')
        .nth(REPORTS.length - 1)
        .waitFor();
      await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
      await expect(rowsInView(page)).resolves.toBeGreaterThanOrEqual(8);
      await expect(sidewaysScroll(page)).resolves.toBe(0);
      // The search and the status views are on the first screen too, above the list.
      for (const control of [
        page.locator('#inbox-search'),
        page.getByRole('button', { name: /^Åpne \d+$/ }),
      ]) {
        const box = await control.boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
      }

      // Opening a case keeps the list where it was: still 8 or more rows in view beside it.
      await page.locator('.inbox-row-link').nth(2).click();
      await page.locator('#case-heading').waitFor();
      await expect(rowsInView(page)).resolves.toBeGreaterThanOrEqual(8);
      await expect(page.locator('#case-heading').isVisible()).resolves.toBe(true);
      await expect(sidewaysScroll(page)).resolves.toBe(0);
      await page.context().close();
    }
  });

  it('keeps every filter in the drawer: all statuses, team, person, flags, group, category, dates, channels', async () => {
    await createApiReport(web.t, { answers: {} });
    const page = await logIn({ width: 1366, height: 768 });
    await page.locator('.inbox-row').first().waitFor();
    await page.keyboard.press('f');
    const drawer = page.getByRole('dialog', { name: 'Filter' });
    await drawer.waitFor();
    const statuses = drawer.getByRole('group', { name: 'Status' }).getByRole('checkbox');
    await expect(statuses.count()).resolves.toBe(9);
    for (const label of ['Team', 'Saksbehandler', 'Tema', 'Kategori', 'Mottatt fra', 'Mottatt til']) {
      await expect(drawer.getByLabel(label, { exact: true }).isVisible()).resolves.toBe(true);
    }
    for (const label of ['Bare forfalte', 'Bare akutte']) {
      await expect(drawer.getByRole('checkbox', { name: label }).isVisible()).resolves.toBe(true);
    }
    await expect(drawer.getByRole('group', { name: 'Kanal' }).getByRole('checkbox').count()).resolves.toBe(7);
    // A team from the drawer goes into the address and shows as a chip beside the status views.
    await drawer.getByLabel('Team', { exact: true }).selectOption({ label: 'VA drift' });
    await drawer.getByRole('button', { name: 'Bruk filter' }).click();
    await page.waitForURL(/\?team=[0-9a-f-]{36}$/);
    const chip = page.getByRole('button', { name: 'Team: VA drift (fjern)' });
    await chip.waitFor();
    await expect(page.getByRole('button', { name: /^Filter 1 i bruk$/ }).isVisible()).resolves.toBe(true);
    expectNoViolations(await axeViolations(page));
    await chip.click();
    await page.waitForURL(/\/inbox$/);
    await page.context().close();
  });

  it('gives the answers to the questions room: "Ja" on one line, not a letter a line', async () => {
    const report = await createApiReport(web.t, {
      category: 'vann-misfarget',
      description: 'Brunt vann.',
      answers: { 'rent-kaldt': true, naboer: 'ja' },
    });
    const page = await logIn({ width: 1440, height: 900 });
    await page.locator('.inbox-row', { hasText: report.ref }).getByRole('link').click();
    await page.locator('#case-heading', { hasText: report.ref }).waitFor();
    const question = page.getByText('Har du latt kaldtvannet renne i minst 5 minutter?', { exact: true });
    const answer = page.locator('dd', { has: page.getByText('Ja', { exact: true }) }).first();
    await question.waitFor();
    const box = await answer.evaluate((dd) => ({
      width: dd.getBoundingClientRect().width,
      height: dd.getBoundingClientRect().height,
      lineHeight: Number.parseFloat(getComputedStyle(dd).lineHeight),
    }));
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeLessThan(box.lineHeight * 1.5);
    await page.context().close();
  });

  it('lists the categories group by group, in the order the administrators set', async () => {
    // The administrators put the parks right after water, and turned the parks' categories around.
    await web.t.ctx.db.db.execute(
      sql`update category_groups set sort_order = 5 where kommunenummer = ${K} and code = 'park'`,
    );
    await web.t.ctx.db.db.execute(sql`update categories set sort_order = case code
        when 'park-forsopling' then 0 when 'park-benk' then 10 else 20 end
      where kommunenummer = ${K} and code like 'park-%'`);
    const report = await createApiReport(web.t, { answers: {} });
    const page = await logIn({ width: 1366, height: 768 });
    const groupsOf = (select: Locator) =>
      select.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')));
    const parksOf = (select: Locator) =>
      select
        .locator('optgroup[label="Park og friområde"] option')
        .evaluateAll((options) => options.map((o) => o.textContent));
    const expectedGroups = ['Vann', 'Park og friområde', 'Avløp', 'Vei og gate'];
    const expectedParks = ['Søppel og forsøpling', 'Skadet benk eller bord', 'Skade på lekeplass'];

    await page.getByRole('button', { name: /^Filter/ }).click();
    const filterCategory = page
      .getByRole('dialog', { name: 'Filter' })
      .getByLabel('Kategori', { exact: true });
    await filterCategory.locator('optgroup').first().waitFor({ state: 'attached' });
    await expect(groupsOf(filterCategory)).resolves.toEqual(expectedGroups);
    await expect(parksOf(filterCategory)).resolves.toEqual(expectedParks);
    await page.keyboard.press('Escape');

    await page.locator('.inbox-row', { hasText: report.ref }).getByRole('link').click();
    await page.locator('#case-heading', { hasText: report.ref }).waitFor();
    await page.locator('summary', { hasText: 'Rett kategori eller sted' }).click();
    const correction = page
      .locator('.case-action', { hasText: 'Rett kategori eller sted' })
      .getByLabel('Kategori');
    await expect(groupsOf(correction)).resolves.toEqual(expectedGroups);
    await expect(parksOf(correction)).resolves.toEqual(expectedParks);
    await expect(correction.inputValue()).resolves.not.toBe('');
    await page.context().close();
  });
});
