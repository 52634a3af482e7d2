// Following a report in a real browser, in bokmål and English: the follow form, the "check your
// email" page, the link from the confirmation email (read from a real SMTP server) and its button,
// and the report's page saying it is followed; by phone, the code page with a wrong code and then
// the code the SMS gateway stand-in received. Axe finds nothing on any of these pages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type NotificationTestApp,
  postReport,
  startNotificationApp,
  waitUntil,
} from '../support/notifications.ts';
import { startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';
import { axeViolations, expectNoViolations, launchBrowserFor, openContext } from '../support/web.ts';

const TEXT = {
  nb: {
    follow: 'Følg meldingen',
    checkEmail: 'Sjekk e-posten din',
    confirmTitle: 'Bekreft at du vil følge meldingen',
    confirm: 'Ja, jeg vil følge meldingen',
    followed: 'Du følger nå meldingen og får beskjed når noe skjer.',
    count: '1 person følger denne meldingen',
    codeTitle: 'Skriv inn koden fra SMS-en',
    code: 'Kode',
    send: 'Bekreft',
    wrong: 'Koden stemmer ikke. Du har 4 forsøk igjen.',
    codeIn: /Koden din er (\d{6})/,
  },
  en: {
    follow: 'Follow this report',
    checkEmail: 'Check your email',
    confirmTitle: 'Confirm that you want to follow the report',
    confirm: 'Yes, I want to follow the report',
    followed: 'You now follow this report and will hear when something happens.',
    count: '1 person follows this report',
    codeTitle: 'Type the code from the text message',
    code: 'Code',
    send: 'Confirm',
    wrong: 'The code is not right. You have 4 tries left.',
    codeIn: /Your code is (\d{6})/,
  },
} as const;

describe('following a report in a browser', () => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;
  let gateway: TestSmsGateway;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    gateway = await startSmsGateway();
    t = await startNotificationApp('pglite', {
      mapTileUrl: '',
      smtpUrl: smtp.url,
      mailFrom: 'meld@porsgrunn.example',
      smsGatewayUrl: gateway.url,
      smsSender: 'Porsgrunn',
    });
    browser = await launchBrowserFor(t);
    context = await openContext(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    await smtp?.stop();
    await gateway?.stop();
  });

  async function reportPage(language: 'nb' | 'en'): Promise<{ page: Page; ref: string }> {
    const { ref } = await postReport(t);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/meldinger/${ref}?lang=${language}`);
    return { page, ref };
  }

  async function followWith(page: Page, language: 'nb' | 'en', field: 'email' | 'phone', value: string) {
    await page.locator(`#follow-${field}`).fill(value);
    await Promise.all([
      page.waitForURL(/\/folg\/[0-9a-f-]{36}(\?|$)/),
      page.getByRole('button', { name: TEXT[language].follow }).click(),
    ]);
  }

  async function expectFollowed(page: Page, language: 'nb' | 'en', ref: string) {
    await page.waitForURL(new RegExp(`/meldinger/${ref}\\?ok=folg`));
    await expect(page.locator('p.notice[role="status"]').textContent()).resolves.toBe(
      TEXT[language].followed,
    );
    await expect(page.getByText(TEXT[language].count).isVisible()).resolves.toBe(true);
    expectNoViolations(await axeViolations(page));
  }

  it.each(['nb', 'en'] as const)('by email, confirmed by the link in the email (%s)', async (language) => {
    const { page, ref } = await reportPage(language);
    const address = `browser-${language}@example.no`;
    await followWith(page, language, 'email', address);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      TEXT[language].checkEmail,
    );
    expectNoViolations(await axeViolations(page));

    const mail = await waitUntil('the confirmation email', async () =>
      smtp.mails.find((m) => m.envelopeTo.includes(address)),
    );
    const link = /(http:\/\/meld\.test\/\S+\/folg\/bekreft\?\S+)/.exec(mail.parsed.text ?? '')?.[1];
    if (!link) throw new Error(`no confirmation link in:\n${mail.parsed.text}`);
    // The browser opens the link at the public address, as from the mail client.
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      TEXT[language].confirmTitle,
    );
    expectNoViolations(await axeViolations(page));
    await page.getByRole('button', { name: TEXT[language].confirm }).click();
    await expectFollowed(page, language, ref);
    await page.close();
  });

  it.each(['nb', 'en'] as const)('by SMS, with the code typed on the page (%s)', async (language) => {
    const { page, ref } = await reportPage(language);
    const phone = language === 'nb' ? '481 00 001' : '481 00 002';
    await followWith(page, language, 'phone', phone);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      TEXT[language].codeTitle,
    );
    expectNoViolations(await axeViolations(page));

    const sms = await waitUntil('the code by SMS', async () =>
      gateway.accepted.find((r) => r.body.recipient === `+47${phone.replace(/\s/g, '')}`),
    );
    const code = TEXT[language].codeIn.exec(sms.body.text)?.[1] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel(TEXT[language].code, { exact: true }).fill(wrong);
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: TEXT[language].send }).click(),
    ]);
    await expect(page.locator('#code-error').textContent()).resolves.toBe(TEXT[language].wrong);
    await expect(page.getByRole('alert').isVisible()).resolves.toBe(true);
    expectNoViolations(await axeViolations(page));

    await page.getByLabel(TEXT[language].code, { exact: true }).fill(code);
    await page.getByRole('button', { name: TEXT[language].send }).click();
    await expectFollowed(page, language, ref);
    await page.close();
  });
});
