// The case handler's inbox in Chromium: a report sent through the public API appears live,
// is assigned, answered from a template and given an internal note, and the resident's view
// shows the public parts only. Also: the keyboard alone (j/k/Enter/Esc, the "?" dialog), axe in
// bokmål and English, and a 320 px wide screen.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/modules/accounts/roles.ts';
import { buildStaffUser, logInAs } from '../support/staff.ts';
import {
  axeViolations,
  createApiReport,
  expectNoViolations,
  openContext,
  useWebApp,
} from '../support/web.ts';

const K = '4001';

describe('the inbox', () => {
  const web = useWebApp();

  /** A fresh browser context, logged in through the login page. */
  async function logIn(roles: StaffRole[], teamIds: string[] = []): Promise<Page> {
    const user = await buildStaffUser(web.t.ctx.db.db, {
      kommunenummer: K,
      roles,
      teamIds,
      name: 'Siri Saksbehandler',
    });
    const context = await openContext(web.browser);
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    return page;
  }

  /** An administrator's API client, to make the team and the template. */
  async function admin() {
    const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['admin'] });
    return logInAs(web.t, user);
  }

  const row = (page: Page, ref: string) => page.locator('.inbox-row', { hasText: ref });
  const focusedRowLink = (page: Page, ref: string) => row(page, ref).locator('.inbox-row-link');

  it('shows a new report live, and takes it through assignment, a templated reply and a note', async () => {
    const client = await admin();
    const team = await client.request('POST', `/api/v1/staff/m/${K}/admin/teams`, {
      code: 'vann-drift',
      name: 'Vann og avløp drift',
    });
    expect(team.status).toBe(201);
    // Templates for the status the reply goes out with, not the report's current one (mottatt).
    for (const [name, status, text] of [
      ['Vi ser på saken', 'under_behandling', 'Takk for meldingen {ref}. Vi ser på saken nå.'],
      ['Arbeidet er gjort', 'utfort', 'Meldingen {ref} er ferdig behandlet.'],
      ['Vi har mottatt', 'mottatt', 'Vi har fått meldingen {ref}.'],
    ]) {
      const template = await client.request('POST', `/api/v1/staff/m/${K}/admin/templates`, {
        name,
        status,
        body: { nb: text },
      });
      expect(template.status).toBe(201);
    }
    // A colleague in the team: a case handler who is no administrator sees everyone to assign to.
    await buildStaffUser(web.t.ctx.db.db, {
      kommunenummer: K,
      roles: ['feltarbeider'],
      teamIds: [team.body.id as string],
      name: 'Frida Feltarbeider',
    });
    await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['leser'], name: 'Lars Leser' });

    const page = await logIn(['saksbehandler'], [team.body.id as string]);
    // The assignee filter lists the people of the municipality too.
    const assigneeFilter = page.getByLabel('Saksbehandler', { exact: true });
    await assigneeFilter.locator('option', { hasText: 'Frida Feltarbeider' }).waitFor({ state: 'attached' });
    await page.getByText('Nye meldinger vises fortløpende.').waitFor();
    const report = await createApiReport(web.t, { description: 'Det fosser vann opp fra kummen i veien.' });

    // It arrives without a reload, on top, and the heading kept focus.
    await row(page, report.ref).waitFor();
    await expect(page.locator('.inbox-row').first().textContent()).resolves.toContain(report.ref);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await row(page, report.ref).getByRole('link').click();
    await page.waitForURL(/\/admin\/m\/4001\/reports\/[0-9a-f-]{36}$/);
    const heading = page.locator('#case-heading');
    await expect(heading.textContent()).resolves.toContain(report.ref);

    // Assign to the team and to me: the team's members come first, then everyone else.
    const person = page.getByLabel('Person', { exact: true });
    const optionTexts = (selector: string) =>
      person.locator(selector).evaluateAll((options) => options.map((o) => o.textContent));
    await expect(optionTexts('option')).resolves.toEqual(
      expect.arrayContaining(['Frida Feltarbeider', 'Lars Leser', 'Siri Saksbehandler']),
    );
    await page.getByLabel('Team', { exact: true }).last().selectOption({ label: 'Vann og avløp drift' });
    await expect(optionTexts('optgroup[label="I teamet"] option')).resolves.toEqual([
      'Frida Feltarbeider',
      'Siri Saksbehandler',
    ]);
    await expect(optionTexts('optgroup[label="Andre"] option')).resolves.toContain('Lars Leser');
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Siri Saksbehandler' });
    await page.getByRole('button', { name: 'Tildel', exact: true }).click();
    await page.getByText('Meldingen er tildelt.').waitFor({ state: 'attached' });
    await expect(page.locator('.case-header').textContent()).resolves.toContain(
      'Vann og avløp drift · Siri Saksbehandler',
    );

    // Status with a public reply from the template.
    const statusBox = page.locator('.case-action', { has: page.locator('#case-status') });
    const templateNames = () =>
      statusBox
        .getByLabel('Svarmal')
        .locator('option')
        .evaluateAll((options) => options.slice(1).map((o) => o.textContent));
    await statusBox.getByLabel('Svarmal').locator('option', { hasText: 'Vi har mottatt' }).waitFor({
      state: 'attached',
    });
    await expect(templateNames()).resolves.toEqual(['Vi har mottatt']);
    await page.locator('#case-status').selectOption('utfort');
    await statusBox.getByLabel('Svarmal').locator('option', { hasText: 'Arbeidet er gjort' }).waitFor({
      state: 'attached',
    });
    await expect(templateNames()).resolves.toEqual(['Arbeidet er gjort']);
    await page.locator('#case-status').selectOption('under_behandling');
    await statusBox.getByLabel('Svarmal').selectOption({ label: 'Vi ser på saken' });
    await expect(templateNames()).resolves.toEqual(['Vi ser på saken']);
    await statusBox.getByRole('button', { name: 'Sett inn malen' }).click();
    await expect(page.locator('#case-status-reply').inputValue()).resolves.toBe(
      `Takk for meldingen ${report.ref}. Vi ser på saken nå.`,
    );
    await page.getByRole('button', { name: 'Endre status' }).click();
    await page.getByText('Status er endret.').waitFor({ state: 'attached' });
    await expect(page.locator('.case-header .status-badge').textContent()).resolves.toBe('Under behandling');

    // An internal note.
    await page.locator('#case-note-text').fill('Ringte vakta, de sjekker kummen i kveld.');
    await page.getByRole('button', { name: 'Lagre notat' }).click();
    await page.getByText('Notatet er lagret.').waitFor({ state: 'attached' });
    const history = page.locator('.history');
    await expect(history.locator('.is-internal').last().textContent()).resolves.toContain('Ringte vakta');
    await expect(history.locator('.is-public').last().textContent()).resolves.toContain(
      'Vi ser på saken nå.',
    );
    // The list's row shows the change too.
    await expect(row(page, report.ref).locator('.status-badge').textContent()).resolves.toBe(
      'Under behandling',
    );

    // The resident's view: the status and the reply, never the note.
    const view = await web.t.request('GET', `/api/v1/reports/${report.ref}?token=${report.trackingToken}`);
    expect(view.status).toBe(200);
    expect(view.body.status).toBe('under_behandling');
    const messages = (view.body.history as { message: string | null }[]).map((h) => h.message ?? '');
    expect(messages.join('\n')).toContain(`Takk for meldingen ${report.ref}. Vi ser på saken nå.`);
    expect(JSON.stringify(view.body)).not.toContain('Ringte vakta');
    await page.context().close();
  });

  it('works by keyboard alone: j/k move, Enter opens, Esc closes, ? lists the shortcuts', async () => {
    const first = await createApiReport(web.t, { description: 'Tastatur en' });
    const second = await createApiReport(web.t, { description: 'Tastatur to' });
    const page = await logIn(['saksbehandler']);
    await row(page, second.ref).waitFor();
    const focusedRef = () =>
      page.evaluate(
        () => document.activeElement?.closest('.inbox-row')?.querySelector('.inbox-ref')?.textContent,
      );

    await page.keyboard.press('j');
    await expect.poll(focusedRef, { timeout: 5000 }).toBe(second.ref);
    await page.keyboard.press('j');
    await expect.poll(focusedRef, { timeout: 5000 }).toBe(first.ref);
    await page.keyboard.press('k');
    await expect.poll(focusedRef, { timeout: 5000 }).toBe(second.ref);

    await page.keyboard.press('Enter');
    await page.waitForURL(/\/reports\//);
    await page.locator('#case-heading').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('case-heading');
    // s jumps to the status control; typing in it does not trigger shortcuts.
    await page.keyboard.press('s');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('case-status');
    await page.locator('#case-note-text').focus();
    await page.keyboard.type('jk');
    await expect(page.locator('#case-note-text').inputValue()).resolves.toBe('jk');
    await page.locator('#case-heading').focus();

    await page.keyboard.press('Escape');
    await page.waitForURL(/\/inbox$/);
    await expect.poll(focusedRef, { timeout: 5000 }).toBe(second.ref);

    // While a row has focus, a new report is announced, not inserted: focus stays put.
    const third = await createApiReport(web.t, { description: 'Tastatur tre' });
    const banner = page.locator('.live-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('1 ny melding – vis');
    await expect(page.locator('.live-banner-region').getAttribute('aria-live')).resolves.toBe('polite');
    await expect.poll(focusedRef, { timeout: 5000 }).toBe(second.ref);
    await expect(row(page, third.ref).count()).resolves.toBe(0);
    await banner.getByRole('button', { name: 'vis' }).click();
    await row(page, third.ref).waitFor();
    await banner.waitFor({ state: 'detached' });
    await focusedRowLink(page, second.ref).focus();

    // "/" goes to the search field.
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inbox-search');
    await page.locator('#inbox-search').blur();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Hurtigtaster' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Neste melding i listen');
    expectNoViolations(await axeViolations(page));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('filters through the address, so the back button returns to the earlier filter', async () => {
    await createApiReport(web.t, { description: 'Filtertest' });
    const page = await logIn(['saksbehandler']);
    await page.locator('.inbox-row').first().waitFor();
    // A status view applies at once; the drawer holds the rest.
    const received = page.getByRole('button', { name: /^Mottatt \d+$/ });
    await received.click();
    await page.waitForURL(/\?status=mottatt$/);
    await expect.poll(() => received.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: /^Filter/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Filter' });
    await drawer.getByRole('checkbox', { name: 'Bare akutte' }).check();
    await drawer.getByRole('button', { name: 'Bruk filter' }).click();
    await page.waitForURL(/status=mottatt&acute=true/);
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('Ingen meldinger passer med filteret.').waitFor();
    // The filter in use shows as a chip that removes it.
    await page.getByRole('button', { name: 'Bare akutte (fjern)' }).waitFor();
    await page.goBack();
    await page.waitForURL(/\?status=mottatt$/);
    await page.goBack();
    await page.waitForURL(/\/inbox$/);
    await page.locator('.inbox-row').first().waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: /^Alle \d+$/ }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByRole('button', { name: /^Filter/ }).click();
    await expect.poll(() => drawer.getByRole('checkbox', { name: 'Bare akutte' }).isChecked()).toBe(false);
    await page.context().close();
  });

  it('has no axe violations on the inbox and the case view, in bokmål and English', async () => {
    const report = await createApiReport(web.t);
    const page = await logIn(['saksbehandler']);
    await row(page, report.ref).waitFor();
    expectNoViolations(await axeViolations(page));
    await row(page, report.ref).getByRole('link').click();
    await page.locator('#case-heading').waitFor();
    await page.locator('.case-action summary').first().click();
    expectNoViolations(await axeViolations(page));

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expectNoViolations(await axeViolations(page));
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/inbox$/);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page
      .getByRole('dialog', { name: 'Filters' })
      .getByRole('button', { name: 'Apply filters' })
      .waitFor();
    expectNoViolations(await axeViolations(page));
    await page.context().close();
  });

  it('is usable 320 px wide: the map behind a toggle, the case over the whole width', async () => {
    const report = await createApiReport(web.t);
    const page = await logIn(['saksbehandler']);
    await page.setViewportSize({ width: 320, height: 640 });
    await row(page, report.ref).waitFor();
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    await expect(width()).resolves.toBeLessThanOrEqual(320);

    const toggle = page.getByRole('button', { name: 'Kart' });
    await expect(page.locator('.report-map').isVisible()).resolves.toBe(false);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator('.report-map').isVisible()).resolves.toBe(true);
    await expect(page.locator('.report-map path.leaflet-interactive').count()).resolves.toBeGreaterThan(0);
    // No tile server configured: a plain background, no tiles, no attribution.
    await expect(page.locator('.report-map .leaflet-tile').count()).resolves.toBe(0);

    await row(page, report.ref).getByRole('link').click();
    await page.locator('#case-heading').waitFor();
    await expect(page.locator('.inbox-list').isVisible()).resolves.toBe(false);
    await expect(width()).resolves.toBeLessThanOrEqual(320);
    expectNoViolations(await axeViolations(page));
    await page.getByRole('link', { name: 'Tilbake til listen' }).click();
    await row(page, report.ref).waitFor();
    await page.context().close();
  });
});
