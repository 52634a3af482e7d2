// Subscribing for a point on the map, in a real browser on a 390 px phone: the map picker is
// reached by keyboard ("Velg midten av kartet" after moving the map with the arrow keys), says
// what it chose, and the subscription is stored for that point; a click on the map chooses too.
// Without scripts the picker is hidden and the address field is the way. Axe on the form.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { axeViolations, expectNoViolations, openContext, useWebApp } from '../support/web.ts';

const PAGE = '/porsgrunn/driftsmeldinger/abonner?lang=nb';

describe('subscribing for a point on the map', () => {
  const w = useWebApp();

  async function stored(email: string) {
    const [row] = await queryRows<{ lat: number; lon: number; address: string | null }>(
      w.t.ctx.db.db,
      sql`select lat, lon, address from subscribers where email = ${email}`,
    );
    return row;
  }

  it('chooses the centre of the map by keyboard and subscribes for it', async () => {
    const context = await openContext(w.browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${w.t.baseUrl}${PAGE}`);
    await page.locator('#subscribe-map.leaflet-container').waitFor();
    expectNoViolations(await axeViolations(page));

    // Move the map a little with the arrow keys, then choose its centre.
    await page.locator('#subscribe-map').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const centre = await page.evaluate(() => {
      const el = document.getElementById('subscribe-map');
      return { lat: Number(el?.dataset.lat), lon: Number(el?.dataset.lon) };
    });
    await page.getByRole('button', { name: 'Velg midten av kartet' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#point-status', { hasText: 'Punkt valgt i kartet.' }).waitFor();
    await page.getByLabel('E-post').fill('kart@example.no');
    await page.getByRole('button', { name: 'Abonner' }).click();
    await page.locator('h1', { hasText: 'Bekreft abonnementet' }).waitFor();

    const row = await stored('kart@example.no');
    expect(row?.address).toBeNull();
    // Panned by the arrow keys: near the municipality's middle, but not exactly on it.
    expect(Math.abs((row?.lat ?? 0) - centre.lat)).toBeLessThan(0.05);
    expect(Math.abs((row?.lon ?? 0) - centre.lon)).toBeLessThan(0.1);
    expect(row?.lat === centre.lat && row?.lon === centre.lon).toBe(false);
    await context.close();
  });

  it('chooses a point by a click on the map', async () => {
    const context = await openContext(w.browser, { viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${w.t.baseUrl}${PAGE}`);
    const map = page.locator('#subscribe-map.leaflet-container');
    await map.waitFor();
    await map.click({ position: { x: 100, y: 60 } });
    await page.locator('#point-status', { hasText: 'Punkt valgt i kartet.' }).waitFor();
    await expect(page.locator('#lat').inputValue()).resolves.toMatch(/^59\.\d{6}$/);
    await expect(page.locator('#subscribe-map .leaflet-interactive').count()).resolves.toBe(1);
    await context.close();
  });

  it('without scripts hides the picker and keeps the address field', async () => {
    const context = await openContext(w.browser, {
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${w.t.baseUrl}${PAGE}`);
    await expect(page.locator('#punkt').isVisible()).resolves.toBe(false);
    await expect(page.getByLabel('Adresse').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
