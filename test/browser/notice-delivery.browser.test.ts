// A notice's delivery panel in Chromium: a published notice fanned out by the worker to two
// subscribers; the counts follow the messages while they are sent (no reload), the vulnerable
// subscriber is on the call list with a tel: link until the SMS is reported delivered, then the
// list's empty state; a reader (no right to contact details) sees the counts and no call list; axe.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fanoutsFinished, insertSubscriber, publishNotice, square } from '../support/notice-fanout.ts';
import { waitUntil } from '../support/notifications.ts';
import { buildStaffUser, logInAs } from '../support/staff.ts';
import { axeViolations, expectNoViolations, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

describe('the notice delivery panel', () => {
  const web = useWebApp({ vulnerableCallAfterMinutes: 0 });

  it('shows the counts live and the vulnerable to call', async () => {
    const db = web.t.ctx.db.db;
    const vulnerable = await insertSubscriber(db, {
      lat: 59.14,
      lon: 9.66,
      phone: '+4791000001',
      vulnerable: true,
      name: 'Kari Nordmann',
      address: 'Storgata 1',
      note: 'Hjemmedialyse',
    });
    await insertSubscriber(db, { lat: 59.141, lon: 9.661, email: 'nabo@example.no' });
    const staff = await logInAs(
      web.t,
      await buildStaffUser(db, { kommunenummer: '4001', roles: ['saksbehandler'] }),
    );
    const id = await publishNotice(staff, '4001', {
      type: 'boil_water',
      title: { nb: 'Kokevarsel Storgata' },
      body: { nb: 'Kok vannet.' },
      area: { type: 'Polygon', coordinates: [square(9.65, 59.13, 9.67, 59.15)] },
      startsAt: '2026-12-02T07:00:00.000Z',
    });
    await waitUntil('the fan-out', () => fanoutsFinished(db, id, 1));
    // No provider is configured here (the outbox): play the messages as queued, then sent.
    await db.execute(sql`update messages set status = 'queued' where notice_id = ${id}::uuid`);

    const { page } = await logInPage(web.t, web.browser, ['feltarbeider'], 'Frida Feltarbeider');
    await page.goto(inside(web.t, `notices/${id}`));
    const row = page.getByTestId('delivery-version-2');
    const count = (name: string) => row.locator(`td[data-count="${name}"]`).textContent();
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(() => count('targeted'), { timeout: 15_000 }).toBe('2');
    await expect(count('queued')).resolves.toBe('2');
    const calls = page.getByTestId('notice-calls');
    await calls.getByText('Kari Nordmann').waitFor({ timeout: 15_000 });
    await expect(calls.getByRole('link', { name: '+4791000001' }).getAttribute('href')).resolves.toBe(
      'tel:+4791000001',
    );
    expectNoViolations(await axeViolations(page));

    await db.execute(
      sql`update messages set status = case channel when 'sms' then 'delivered' else 'sent' end,
                 sent_at = now(), delivered_at = case channel when 'sms' then now() end
           where notice_id = ${id}::uuid`,
    );
    // Polled, not reloaded.
    await expect.poll(() => count('delivered'), { timeout: 15_000 }).toBe('1');
    await expect(count('sent')).resolves.toBe('1');
    await expect(count('queued')).resolves.toBe('0');
    await page.getByText('Ingen å ringe nå.').waitFor({ timeout: 15_000 });
    expect(await calls.count()).toBe(0);
    expect(vulnerable).toEqual(expect.any(String));
    expectNoViolations(await axeViolations(page));
    await page.context().close();

    const reader = await logInPage(web.t, web.browser, ['leser'], 'Lars Leser');
    await reader.page.goto(inside(web.t, `notices/${id}`));
    await reader.page.getByTestId('delivery-version-2').waitFor({ timeout: 20_000 });
    expect(await reader.page.getByText('Sårbare abonnenter å ringe').count()).toBe(0);
    await reader.page.context().close();
  }, 90_000);
});
