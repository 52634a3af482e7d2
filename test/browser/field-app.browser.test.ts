// The field app in Chromium at phone size (360×740), as a crew uses it: log in, open the app, let
// it keep the tasks; go offline (Chromium's network emulation), close a task with a photo and a
// note, register a new problem, reload while offline (app and queue survive), go online, wait for
// "0 waiting" and check the server has each change exactly once. Also: a conflict (someone else
// changed the task meanwhile) handled by keyboard with nothing overwritten; axe on the list and
// the task page; and a second user on the same device never sees the first one's tasks.
import { mkdir } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { jpeg } from '../support/images.ts';
import { type BuiltStaffUser, buildStaffUser, logInAs } from '../support/staff.ts';
import {
  axeViolations,
  createApiReport,
  expectNoViolations,
  openContext,
  useWebApp,
} from '../support/web.ts';
import { tabTo } from './staff-admin-helpers.ts';

const K = '4001';
const TILES = 'http://tiles.test/{z}/{x}/{y}.png';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const HERE = { latitude: 59.1405, longitude: 9.6565 };
const SCREENSHOTS = new URL('../../tmp/screenshots/', import.meta.url);

// Long walks through the app on a shared machine: more time than the default 30 s per test.
describe('the field app', { timeout: 90_000 }, () => {
  const web = useWebApp({ mapTileUrl: TILES, mapAttribution: '© Testkart' });

  async function rows<T extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> {
    return queryRows<T>(web.t.ctx.db.db, query);
  }

  /** A report assigned to `user`, high priority. */
  async function taskFor(user: BuiltStaffUser, description: string): Promise<{ id: string; ref: string }> {
    const { ref } = await createApiReport(web.t, { description });
    const [row] = await rows<{ id: string }>(
      sql`update reports set assignee_id = ${user.id}, priority = 'hoy' where ref = ${ref} returning id`,
    );
    if (!row) throw new Error('no report');
    return { id: row.id, ref };
  }

  async function phone(): Promise<BrowserContext> {
    const context = await openContext(web.browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      geolocation: HERE,
      permissions: ['geolocation'],
      serviceWorkers: 'allow',
    });
    context.setDefaultTimeout(15_000);
    await context.route('http://tiles.test/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
    );
    return context;
  }

  async function logIn(context: BrowserContext, user: BuiltStaffUser): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\/inbox$/);
    return page;
  }

  /** Opens the app through /admin/felt and waits until the tasks are kept and the worker controls. */
  async function openApp(page: Page): Promise<void> {
    await page.goto(`${web.t.baseUrl}/admin/felt`);
    await page.waitForURL(/\/admin\/m\/4001\/felt$/);
    await page.locator('[data-offline-ready="true"]').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  async function pending(page: Page, count: number): Promise<void> {
    await page.locator(`.field-indicator[data-pending="${count}"]`).waitFor();
  }

  it('closes a task with a photo and a note and registers a new problem offline; after a reload offline and going online, the server has each exactly once', async () => {
    const user = await buildStaffUser(web.t.ctx.db.db, {
      kommunenummer: K,
      roles: ['feltarbeider'],
      name: 'Frode Felt',
    });
    const task = await taskFor(user, 'Hydranten lekker ved skolen.\nRenner jevnt.');
    const context = await phone();
    // As a crew starts: the installed app opens /admin/felt, which asks for the login first and
    // offers to keep the session on the device.
    const page = await context.newPage();
    await page.goto(`${web.t.baseUrl}/admin/felt`);
    await page.waitForURL(/\/admin\/login$/);
    await expect.poll(() => page.locator('#login-device').isChecked()).toBe(true);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/m\/4001\/felt$/);
    const sessions = await rows<{ device_name: string | null }>(
      sql`select device_name from staff_sessions where user_id = ${user.id}`,
    );
    expect(sessions.map((s) => s.device_name)).toEqual(['Feltapp (Linux)']);
    await openApp(page);

    const card = page.locator(`.field-card[data-task="${task.id}"]`);
    await expect(card.textContent()).resolves.toContain('Hydranten lekker ved skolen.');
    const box = await card.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);

    await context.setOffline(true);
    await page.locator('.field-online[data-online="false"]').waitFor();
    await card.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(task.ref) }).waitFor();
    await page.locator('label.field-choice', { hasText: 'Lukket' }).click();
    await page.locator('#field-status-note').fill('Byttet pakning, tett nå.');
    await page.locator('#field-status-photo').setInputFiles({
      name: 'hydrant.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(640, 480),
    });
    await page.getByRole('button', { name: 'Lagre status' }).click();
    await page.locator('.field-toast[data-tone="queued"]').waitFor();
    await pending(page, 2);
    await page.locator('img[data-local-photo]').waitFor();

    await page.getByRole('link', { name: 'Nytt problem' }).click();
    await page.locator('[data-position="known"]').waitFor();
    await page.locator('#field-new-category').selectOption({ label: 'Vannlekkasje' });
    await page.locator('#field-new-description').fill('Kumlokk løst i veibanen, klaprer.');
    await page.getByRole('button', { name: 'Registrer' }).click();
    await pending(page, 3);
    await expect(page.locator('.field-toast').textContent()).resolves.toContain('Lagret på enheten');

    // Reload without a network: the worker serves the app, the device keeps the session and queue.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Meld nytt problem' }).waitFor();
    await pending(page, 3);
    await page.locator('.field-indicator').click();
    await expect(page.locator('.field-pending-item').count()).resolves.toBe(3);
    await page.getByRole('link', { name: 'Oppgaver' }).click();
    await page.locator('.field-notice', { hasText: 'Uten nett' }).waitFor();
    await page.locator(`.field-card[data-task="${task.id}"]`).waitFor();

    // The first answers to the status change and to the new report are lost on the way back (the
    // server did act): the app sends them again with the same Idempotency-Key, and the server
    // answers with what it did the first time instead of acting twice.
    const lost = { status: 0, report: 0 };
    for (const [kind, pattern] of [
      ['status', '**/reports/*/status'],
      ['report', '**/field/reports'],
    ] as const) {
      await context.route(pattern, async (route) => {
        if (lost[kind]++ > 0) return route.continue();
        await route.fetch();
        await route.abort('connectionreset');
      });
    }
    await context.setOffline(false);
    await pending(page, 0);
    expect(lost.status).toBe(2);
    expect(lost.report).toBe(2);

    const [report] = await rows<{ status: string }>(sql`select status from reports where id = ${task.id}`);
    expect(report?.status).toBe('lukket');
    const events = await rows<{ kind: string; n: number }>(
      sql`select kind, count(*)::int as n from report_events where report_id = ${task.id} group by kind`,
    );
    expect(events.find((e) => e.kind === 'status_changed')?.n).toBe(1);
    expect(events.find((e) => e.kind === 'internal_note')?.n).toBe(1);
    const photos = await rows<{ n: number }>(
      sql`select count(*)::int as n from report_photos where report_id = ${task.id}`,
    );
    expect(photos[0]?.n).toBe(1);
    const fromField = await rows<{ n: number }>(
      sql`select count(*)::int as n from reports where channel = 'felt' and description = 'Kumlokk løst i veibanen, klaprer.'`,
    );
    expect(fromField[0]?.n).toBe(1);

    // The photo, now on the server, is kept on the device too: offline the task still shows it.
    await page.goto(`${web.t.baseUrl}/admin/m/${K}/felt/oppgaver/${task.id}`);
    const photo = page.getByRole('img', { name: 'Bilde 1 av oppgaven' });
    await photo.waitFor();
    // (page.waitForFunction does not wait for an async predicate: poll the evaluation instead.)
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const names = (await indexedDB.databases()).map((d) => d.name);
            if (!names.includes('meldepunkt-felt')) return false;
            const open = indexedDB.open('meldepunkt-felt');
            const db = await new Promise<IDBDatabase>((resolve) => {
              open.onsuccess = () => resolve(open.result);
            });
            const keys = await new Promise<IDBValidKey[]>((resolve) => {
              const request = db.transaction('cache').objectStore('cache').getAllKeys();
              request.onsuccess = () => resolve(request.result);
            });
            db.close();
            return keys.some((k) => String(k).includes('|thumb|'));
          }),
        { timeout: 10_000 },
      )
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await photo.waitFor();
    // The kept copy takes the place of the server's address as soon as it is read.
    await page.waitForFunction(() =>
      document.querySelector('img[alt="Bilde 1 av oppgaven"]')?.getAttribute('src')?.startsWith('blob:'),
    );
    await expect(
      photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).resolves.toBe(true);
    await context.close();
  });

  it('shows a conflict when someone else changed the task meanwhile, by keyboard; nothing is overwritten', async () => {
    const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['feltarbeider'] });
    const task = await taskFor(user, 'Lavt trykk i hele gata.');
    const context = await phone();
    const page = await logIn(context, user);
    await openApp(page);
    await page.goto(`${web.t.baseUrl}/admin/m/${K}/felt/oppgaver/${task.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(task.ref) }).waitFor();

    await context.setOffline(true);
    await page.locator('.field-online[data-online="false"]').waitFor();
    // A radio group is one Tab stop; the arrows choose within it (mottatt → … → utført).
    await tabTo(page, 'input[name="field-status"]');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('input[name="field-status"][value="utfort"]').isChecked())
      .toBe(true);
    await tabTo(page, '#field-status-note');
    await page.keyboard.type('Spylt ledningen.');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await pending(page, 1);

    // Meanwhile a case handler plans the task.
    const handler = await buildStaffUser(web.t.ctx.db.db, {
      kommunenummer: K,
      roles: ['saksbehandler'],
      name: 'Sara Saksbehandler',
    });
    const client = await logInAs(web.t, handler);
    const current = await client.request('GET', `/api/v1/staff/m/${K}/reports/${task.id}`);
    const theirs = await client.request('POST', `/api/v1/staff/m/${K}/reports/${task.id}/status`, {
      status: 'planlagt',
      version: current.body.version,
    });
    expect(theirs.status).toBe(200);

    await context.setOffline(false);
    const conflict = page.locator(`.field-task .field-conflict[data-conflict="${task.id}"]`);
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('«Utbedring planlagt»');
    await expect(conflict.textContent()).resolves.toContain('Sara Saksbehandler');
    // The page shows the task as it now is.
    await page.locator('.field-facts [data-status="planlagt"]').waitFor();
    const [still] = await rows<{ status: string }>(sql`select status from reports where id = ${task.id}`);
    expect(still?.status).toBe('planlagt');
    expectNoViolations(await axeViolations(page));
    await mkdir(SCREENSHOTS, { recursive: true });
    await conflict.scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('field-conflict-360.png', SCREENSHOTS).pathname });

    await tabTo(page, '.field-task .field-conflict button:first-of-type');
    await page.keyboard.press('Enter');
    await pending(page, 0);
    await page.locator('.field-toast', { hasText: 'den andre endringen gjelder' }).waitFor();
    const [after] = await rows<{ status: string }>(sql`select status from reports where id = ${task.id}`);
    expect(after?.status).toBe('planlagt');
    const notes = await rows<{ n: number }>(
      sql`select count(*)::int as n from report_events where report_id = ${task.id} and kind = 'internal_note'`,
    );
    expect(notes[0]?.n).toBe(0);
    await context.close();
  });

  it('passes axe on the task list and the task page at 360 px', async () => {
    const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['feltarbeider'] });
    const task = await taskFor(user, 'Vannkiosken er tom.');
    const context = await phone();
    const page = await logIn(context, user);
    const taskRequests: { url: string; position: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/field/tasks')) {
        taskRequests.push({ url: request.url(), position: request.headers()['device-position'] });
      }
    });
    await openApp(page);
    // Sorted by distance from the device: the position goes in a header, never in the URL.
    await page
      .locator(`.field-card[data-task="${task.id}"]`)
      .getByText(/\d (m|km) unna/)
      .waitFor();
    expect(
      taskRequests.some((r) => r.position === `${HERE.latitude.toFixed(5)},${HERE.longitude.toFixed(5)}`),
    ).toBe(true);
    for (const request of taskRequests) {
      expect(request.url).not.toContain(String(HERE.latitude));
      expect(request.url).not.toContain('lat=');
    }
    expectNoViolations(await axeViolations(page));
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: new URL('field-list-360.png', SCREENSHOTS).pathname, fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await page.locator(`.field-card[data-task="${task.id}"]`).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(task.ref) }).waitFor();
    expectNoViolations(await axeViolations(page));
    await page.screenshot({ path: new URL('field-task-360.png', SCREENSHOTS).pathname, fullPage: true });
    const href = await page.getByRole('link', { name: /Veibeskrivelse/ }).getAttribute('href');
    expect(href).toMatch(/^geo:59\.\d+,9\.\d+\?q=59\.\d+,9\.\d+\(/);

    await page.getByRole('link', { name: 'Kart', exact: true }).click();
    await page.locator('.field-map .leaflet-tile-loaded').first().waitFor();
    expectNoViolations(await axeViolations(page));
    // The tiles of the area viewed are kept by the worker for use without a network.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const cache = await caches.open('meldepunkt-map-tiles');
            return (await cache.keys()).some((r) => r.url.startsWith('http://tiles.test/'));
          }),
        { timeout: 10_000 },
      )
      .toBe(true);

    // Installable: the manifest the page links to names the app, its start, scope and icons.
    const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await page.request.get(`${web.t.baseUrl}${manifestUrl}`)).json();
    expect(manifest).toMatchObject({
      name: 'Meldepunkt felt',
      start_url: '/admin/felt',
      scope: '/admin/',
      display: 'standalone',
      theme_color: '#0b2e45',
    });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i: { sizes: string }) => i.sizes === size);
      const res = await page.request.get(`${web.t.baseUrl}/admin/${icon.src}`);
      expect(res.headers()['content-type']).toBe('image/png');
    }
    await expect(page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).resolves.toBe(
      `${web.t.baseUrl}/admin/sw.js`,
    );
    await context.close();
  });

  it("never shows one user's kept tasks to the next user on the device, offline or online", async () => {
    const first = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['feltarbeider'] });
    const second = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['feltarbeider'] });
    const task = await taskFor(first, 'Privat sak for første bruker.');
    const context = await phone();
    const page = await logIn(context, first);
    await openApp(page);
    await page.locator(`.field-card[data-task="${task.id}"]`).waitFor();

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/admin\/login/);
    // Nothing of the first user is left on the device, and the worker's caches hold no API answer.
    await expect
      .poll(
        () =>
          page.evaluate(async () => (await indexedDB.databases()).every((d) => d.name !== 'meldepunkt-felt')),
        { timeout: 10_000 },
      )
      .toBe(true);
    const kept = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      const cached: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
      }
      return { names, api: cached.filter((url) => url.includes('/api/')) };
    });
    expect(kept.names).not.toContain('meldepunkt-felt');
    expect(kept.api).toEqual([]);

    // Offline now, nobody logged in: the app does not open anyone's tasks.
    await context.setOffline(true);
    await page.goto(`${web.t.baseUrl}/admin/m/${K}/felt`);
    await page.waitForURL(/\/admin\/login/);
    await expect(page.locator('body').textContent()).resolves.not.toContain('Privat sak');
    await context.setOffline(false);

    await page.locator('#login-email').fill(second.email);
    await page.locator('#login-password').fill(second.password);
    await page.locator('button[type="submit"]').click();
    // Back to where the login was asked for (the field app), or the inbox.
    await page.waitForURL(/\/admin\/m\/4001\/(inbox|felt)$/);
    await openApp(page);
    await page.getByText('Ingen åpne oppgaver her.').waitFor();
    await context.setOffline(true);
    await page.reload();
    await page.locator('.field-notice', { hasText: 'Uten nett' }).waitFor();
    await expect(page.locator('body').textContent()).resolves.not.toContain('Privat sak');
    await expect(page.locator(`.field-card[data-task="${task.id}"]`).count()).resolves.toBe(0);
    await context.close();
  });

  it('drops what the device keeps when the session is ended elsewhere (the next answer is 401)', async () => {
    const user = await buildStaffUser(web.t.ctx.db.db, { kommunenummer: K, roles: ['feltarbeider'] });
    const task = await taskFor(user, 'Kum med løst lokk.');
    const context = await phone();
    const page = await logIn(context, user);
    await openApp(page);
    await page.locator(`.field-card[data-task="${task.id}"]`).waitFor();
    await expect(
      page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'meldepunkt-felt')),
    ).resolves.toBe(true);

    // An administrator ends the session (a lost phone).
    await rows(sql`delete from staff_sessions where user_id = ${user.id}`);
    await page.reload();
    await page.waitForURL(/\/admin\/login/);
    await expect
      .poll(
        () =>
          page.evaluate(async () => (await indexedDB.databases()).every((d) => d.name !== 'meldepunkt-felt')),
        { timeout: 10_000 },
      )
      .toBe(true);
    // And without a network nothing of it opens either.
    await context.setOffline(true);
    await page.goto(`${web.t.baseUrl}/admin/m/${K}/felt`);
    await page.waitForURL(/\/admin\/login/);
    await expect(page.locator('body').textContent()).resolves.not.toContain('Kum med løst lokk');
    await context.close();
  });
});
