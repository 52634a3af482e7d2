// Driftsmeldinger in Chromium: an empty list, a boil-water advice started from the municipality's
// template (texts prefilled, area typed as a point and a radius), saved as a draft, published and
// lifted through the buttons, each confirmed in a role=status line while the server's state
// follows; a reader sees the actions disabled; axe on each step.
import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { notices, noticeTemplates, noticeVersions } from '../../src/modules/notices/schema.ts';
import { axeViolations, expectNoViolations, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

async function noViolations(page: Page, where: string): Promise<void> {
  const problems = await axeViolations(page);
  expectNoViolations(problems.map((p) => `${where}: ${p}`));
}

describe('notices in the back office', () => {
  const web = useWebApp();

  async function serverStatus(id: string): Promise<string | undefined> {
    const [row] = await web.t.ctx.db.db.select().from(notices).where(eq(notices.id, id));
    return row?.status;
  }

  it('creates a boil-water advice from the template, publishes it and lifts it', async () => {
    const { page } = await logInPage(web.t, web.browser, ['saksbehandler'], 'Sara Saksbehandler');
    await page.getByRole('link', { name: 'Driftsmeldinger' }).click();
    await page.locator('h1', { hasText: 'Driftsmeldinger' }).waitFor();
    await page.getByText('Ingen driftsmeldinger ennå.').waitFor();
    await noViolations(page, 'empty list');

    await page.getByRole('link', { name: 'Ny driftsmelding' }).first().click();
    await page.locator('h1', { hasText: 'Ny driftsmelding' }).waitFor();
    await page.getByLabel('Type').selectOption('boil_water');
    // The template's wording, with the advice residents must get, prefilled in each language.
    const body = page.getByLabel('Tekst (Bokmål)');
    await expect.poll(() => body.inputValue()).toContain('kraftig oppkok');
    await expect(page.getByLabel('Tittel (English)').inputValue()).resolves.toBe('Boil-water advice: {area}');
    await page.getByLabel('Område (navn)').fill('Vestsiden');
    await page.getByLabel('Breddegrad').fill('59.141');
    await page.getByLabel('Lengdegrad').fill('9.651');
    await page.getByLabel('Radius (meter)').fill('500');
    await noViolations(page, 'form');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();

    const status = page.getByRole('status').filter({ hasText: /./ });
    await status.filter({ hasText: 'Utkastet er lagret.' }).waitFor();
    await page.locator('h1', { hasText: 'Kokevarsel: Vestsiden' }).waitFor();
    const id = page.url().split('/').pop() ?? '';
    expect(await serverStatus(id)).toBe('draft');
    await noViolations(page, 'draft');

    const publish = page.getByRole('button', { name: 'Publiser' });
    await publish.click();
    await status.filter({ hasText: 'Driftsmeldingen er publisert.' }).waitFor();
    expect(await serverStatus(id)).toBe('published');
    await expect(page.getByTestId('notice-status').textContent()).resolves.toBe('Publisert');
    await expect(page.locator('.notice-versions li').count()).resolves.toBe(2);

    // The update form edits every language, not only bokmål: a nynorsk title is added.
    await page.getByRole('button', { name: 'Oppdater' }).click();
    await page.getByLabel('Tittel (Nynorsk)').fill('Kokevarsel: Vestsida');
    await noViolations(page, 'update form');
    await page.locator('form.notice-form').getByRole('button', { name: 'Oppdater' }).click();
    await status.filter({ hasText: 'Driftsmeldingen er oppdatert (versjon 3).' }).waitFor();
    const [saved] = await web.t.ctx.db.db
      .select()
      .from(noticeVersions)
      .where(eq(noticeVersions.noticeId, id))
      .orderBy(desc(noticeVersions.version))
      .limit(1);
    expect(saved?.title).toMatchObject({ nb: 'Kokevarsel: Vestsiden', nn: 'Kokevarsel: Vestsida' });

    await page.getByRole('button', { name: 'Opphev kokevarsel' }).click();
    await page.getByText('Oppheve kokevarselet?').waitFor();
    await noViolations(page, 'confirm lift');
    await page.getByRole('button', { name: 'Opphev kokevarsel' }).last().click();
    await status.filter({ hasText: 'Kokevarselet er opphevet.' }).waitFor();
    expect(await serverStatus(id)).toBe('ended');
    await expect(page.getByTestId('notice-status').textContent()).resolves.toBe('Opphevet');
    await expect(page.locator('.notice-versions li').count()).resolves.toBe(4);
    // The confirmation did not take the focus to itself.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.not.toBe(
      'status',
    );

    await page.goto(inside(web.t, 'notices'));
    await page.locator('tbody tr', { hasText: 'Kokevarsel opphevet: Vestsiden' }).waitFor();
    await expect(page.locator('tbody tr').first().textContent()).resolves.toContain('Opphevet');
    await noViolations(page, 'list');
    await page.context().close();
  }, 90_000);

  it('draws a polygon on the map and saves it as the area', async () => {
    const { page } = await logInPage(web.t, web.browser, ['saksbehandler'], 'Per Polygon');
    await page.goto(inside(web.t, 'notices/new'));
    await page.getByLabel('Område (navn)').fill('Sentrum');
    const map = page.locator('.notice-map');
    await map.locator('.leaflet-pm-icon-polygon').click();
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no box');
    const at = (x: number, y: number) => page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await at(0.3, 0.3);
    await at(0.7, 0.3);
    await at(0.6, 0.7);
    // geoman's own Finish action closes the shape (a click back on the first vertex can land
    // before its marker is ready on a busy machine).
    await map.locator('.leaflet-pm-action.action-finish:visible').click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Området er polygonene fra filen eller tegningen (1).' })
      .waitFor();
    await noViolations(page, 'drawn area');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();
    await page.getByRole('status').filter({ hasText: 'Utkastet er lagret.' }).waitFor();
    const id = page.url().split('/').pop() ?? '';
    const [row] = await web.t.ctx.db.db.select().from(noticeVersions).where(eq(noticeVersions.noticeId, id));
    // A triangle: four positions, the ring closed, not the 65 of a circle.
    expect(row?.areas.coordinates).toHaveLength(1);
    expect(row?.areas.coordinates[0]?.[0]).toHaveLength(4);
    await page.context().close();
  }, 60_000);

  it('draws a line on the map and saves the area within the chosen distance of it', async () => {
    const { page } = await logInPage(web.t, web.browser, ['saksbehandler'], 'Lina Linje');
    await page.goto(inside(web.t, 'notices/new'));
    await page.getByLabel('Område (navn)').fill('Storgata');
    const map = page.locator('.notice-map');
    await map.locator('.leaflet-pm-icon-polyline').click();
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no box');
    const at = (x: number, y: number) => page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await at(0.2, 0.5);
    await at(0.5, 0.45);
    await at(0.8, 0.6);
    await map.locator('.leaflet-pm-action.action-finish:visible').click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Området er alt innenfor avstanden fra linjen du tegnet (3 punkter).' })
      .waitFor();
    // The buffer is previewed with the server's own geometry: one capsule per segment.
    await expect.poll(() => map.locator('path.leaflet-interactive').count()).toBeGreaterThanOrEqual(3);
    await page.getByLabel('Avstand fra linjen (meter)').fill('80');
    await noViolations(page, 'drawn line');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();
    await page.getByRole('status').filter({ hasText: 'Utkastet er lagret.' }).waitFor();
    const id = page.url().split('/').pop() ?? '';
    const [row] = await web.t.ctx.db.db.select().from(noticeVersions).where(eq(noticeVersions.noticeId, id));
    // Two segments, two capsules; each point of a capsule lies 80 m from its segment or closer.
    expect(row?.areas.coordinates).toHaveLength(2);
    await page.context().close();
  }, 60_000);

  it('edits the boil-water template, confirmed in a status line and stored', async () => {
    const { page } = await logInPage(web.t, web.browser, ['saksbehandler'], 'Mona Mal');
    await page.goto(inside(web.t, 'notices'));
    await page.getByRole('link', { name: 'Maler for driftsmeldinger' }).click();
    await page.locator('h1', { hasText: 'Maler for driftsmeldinger' }).waitFor();
    const boil = page.locator('section', { has: page.locator('h2', { hasText: /^Kokevarsel$/ }) });
    const text = boil.getByLabel('Tekst (Bokmål)');
    await expect.poll(() => text.inputValue()).toContain('kraftig oppkok');
    await noViolations(page, 'templates');
    await text.fill('Kok vannet i ett minutt før bruk i {area}. Gjelder til varselet er opphevet.');
    await boil.getByRole('button', { name: 'Lagre malen for Kokevarsel' }).click();
    await boil.getByRole('status').filter({ hasText: 'Malen er lagret.' }).waitFor();
    const [row] = await web.t.ctx.db.db
      .select()
      .from(noticeTemplates)
      .where(and(eq(noticeTemplates.kommunenummer, '4001'), eq(noticeTemplates.type, 'boil_water')));
    expect(row?.body.nb).toBe('Kok vannet i ett minutt før bruk i {area}. Gjelder til varselet er opphevet.');
    await page.context().close();
  }, 60_000);

  it('shows a reader the notice with the actions disabled', async () => {
    const { page: author } = await logInPage(web.t, web.browser, ['saksbehandler'], 'Sigrid Saksbehandler');
    await author.goto(inside(web.t, 'notices/new'));
    await author.getByLabel('Område (navn)').fill('Storgata');
    await author.getByRole('button', { name: 'Lagre som utkast' }).click();
    await author.getByRole('status').filter({ hasText: 'Utkastet er lagret.' }).waitFor();
    const url = author.url();
    await author.context().close();

    const { page } = await logInPage(web.t, web.browser, ['leser'], 'Lars Leser');
    await page.goto(url);
    await page.locator('h1', { hasText: 'Storgata' }).waitFor();
    await expect(page.getByRole('button', { name: 'Publiser' }).isDisabled()).resolves.toBe(true);
    await page.getByText('Bare saksbehandlere og administratorer').waitFor();
    await page.goto(inside(web.t, 'notices'));
    await page.locator('tbody tr').first().waitFor();
    await expect(page.getByRole('link', { name: 'Ny driftsmelding' }).count()).resolves.toBe(0);
    await page.context().close();
  }, 60_000);
});
