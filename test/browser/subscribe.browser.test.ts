// Subscribing to notices in Chromium, in bokmål, nynorsk and English: the link from the notice
// list, the form filled and sent with the keyboard only, the "check your email / type the code"
// page, a wrong code and then the code the SMS gateway stand-in received, and the page saying
// what was confirmed. Axe finds nothing on any of these pages.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAddresses } from '../../src/modules/geo/import-addresses.ts';
import { PORSGRUNN_SAMPLE_FILE } from '../../src/modules/geo/local-addresses.ts';
import { type NotificationTestApp, startNotificationApp, waitUntil } from '../support/notifications.ts';
import { startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.ts';
import { axeViolations, expectNoViolations, launchBrowserFor, openContext } from '../support/web.ts';
import { tabTo } from './staff-admin-helpers.ts';

const TEXT = {
  nb: {
    link: 'Få varsel på SMS/e-post',
    send: 'Abonner',
    confirm: 'Bekreft',
    wrong: 'Du har 4 forsøk igjen',
    done: 'Du får nå driftsmeldinger på SMS for Storgata 12.',
  },
  nn: {
    link: 'Få varsel på SMS/e-post',
    send: 'Abonner',
    confirm: 'Stadfest',
    wrong: 'Du har 4 forsøk att',
    done: 'Du får no driftsmeldingar på SMS for Storgata 12.',
  },
  en: {
    link: 'Get alerts by SMS/email',
    send: 'Subscribe',
    confirm: 'Confirm',
    wrong: 'You have 4 tries left',
    done: 'You will now get service notices by SMS for Storgata 12.',
  },
} as const;

describe('subscribing to notices in a browser', () => {
  let t: NotificationTestApp;
  let gateway: TestSmsGateway;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    gateway = await startSmsGateway();
    t = await startNotificationApp('pglite', {
      mapTileUrl: '',
      smsGatewayUrl: gateway.url,
      smsSender: 'Porsgrunn',
    });
    await importAddresses(t.ctx.db.db, PORSGRUNN_SAMPLE_FILE);
    browser = await launchBrowserFor(t);
    context = await openContext(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    await gateway?.stop();
  });

  it.each(['nb', 'nn', 'en'] as const)(
    'subscribes by SMS with the keyboard only (%s)',
    async (language) => {
      const text = TEXT[language];
      const phone = { nb: '91000001', nn: '91000002', en: '91000003' }[language];
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/porsgrunn/driftsmeldinger?lang=${language}`);
      await page.getByRole('link', { name: text.link }).click();
      await page.locator('form input[name="adresse"]').waitFor();
      expectNoViolations(await axeViolations(page));

      await tabTo(page, '#adresse');
      await page.keyboard.type('Storgata 12');
      await tabTo(page, '#mobil');
      await page.keyboard.type(phone);
      await page.keyboard.press('Enter');
      await page.locator('input[name="code"]').waitFor();
      expectNoViolations(await axeViolations(page));

      const sms = await waitUntil('the SMS', async () =>
        gateway.accepted.find((r) => r.body.recipient === `+47${phone}`),
      );
      const code = /(\d{6})/.exec(sms.body.text)?.[1] ?? '';
      await tabTo(page, '#code');
      await page.keyboard.type(code === '000000' ? '111111' : '000000');
      await page.keyboard.press('Enter');
      await page.getByText(text.wrong).first().waitFor();
      expectNoViolations(await axeViolations(page));

      await page.locator('#code').fill(code);
      await page.getByRole('button', { name: text.confirm }).press('Enter');
      await page.getByRole('status').filter({ hasText: text.done }).waitFor();
      expectNoViolations(await axeViolations(page));
      expect(page.url()).not.toContain(phone);
      await page.close();
    },
    60_000,
  );
});
