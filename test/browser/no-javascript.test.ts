// Everything a resident needs works with JavaScript switched off: a report with a photo, errors
// that keep what was typed and uploaded, the QR sticker's pre-filled form, following a report
// nearby instead of sending a new one (and confirming it), and stopping updates.
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/modules/notifications/schema.ts';
import { reportPhotos } from '../../src/modules/photos/schema.ts';
import { reportLinks } from '../../src/modules/report-links/schema.ts';
import { reportContacts, reportFollowers, reports } from '../../src/modules/reports/schema.ts';
import { jpeg } from '../support/images.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  createApiReport,
  FORM_WITH_ERRORS,
  launchBrowserFor,
  openContext,
  REVIEW_PAGE,
  startWebApp,
  submitReportForm,
} from '../support/web.ts';

const RECEIPT = /\/porsgrunn\/meldinger\/4001-\d{4}-\d{5,}\/kvittering\?token=/;

async function clickAndWait(page: Page, selector: string, url: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(url), page.locator(selector).click()]);
}

const sendReview = (page: Page) => clickAndWait(page, 'main > form button[type="submit"]', RECEIPT);

/** Every image on the page has loaded (a broken photo has no natural width). */
async function imagesLoaded(page: Page, selector: string): Promise<number> {
  const images = page.locator(selector);
  const widths = await images.evaluateAll((list) =>
    list.map((img) => (img as HTMLImageElement).naturalWidth),
  );
  expect(widths.every((w) => w > 0)).toBe(true);
  return widths.length;
}

describe('the residents’ pages without JavaScript', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let photo: Buffer;
  const upload = () => ({ name: 'leak.jpg', mimeType: 'image/jpeg', buffer: photo });

  beforeAll(async () => {
    [t, photo] = await Promise.all([startWebApp(), jpeg(1600, 1200)]);
    browser = await launchBrowserFor(t);
    context = await openContext(browser, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  async function reportByRef(ref: string) {
    const [row] = await t.ctx.db.db.select().from(reports).where(eq(reports.ref, ref));
    if (!row) throw new Error(`no report ${ref}`);
    return row;
  }

  it('sends a report with a photo, in bokmål, and the tracking page shows the photo', async () => {
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/meld?lang=nb`);
    await page.locator('#category-vann-lekkasje').check();
    await page.locator('#address').fill('Storgata 12, 3915 Porsgrunn');
    await page.locator('#description').fill('Vann renner opp av asfalten.');
    await page.locator('#contact-email').fill('kari@example.no');
    await page.setInputFiles('#photos', upload());
    await submitReportForm(page, REVIEW_PAGE);

    await expect(page.locator('h1').textContent()).resolves.toBe('Se over før du sender');
    await expect(imagesLoaded(page, 'main .photos img')).resolves.toBe(1);
    await sendReview(page);

    const ref = (await page.locator('.ref').textContent()) ?? '';
    expect(ref).toMatch(/^4001-\d{4}-\d{5,}$/);
    // The private tracking link (at the public address) opens the tracking page.
    await Promise.all([
      page.waitForURL(/^http:\/\/meld\.test\/porsgrunn\/meldinger\/[\d-]+\?token=/),
      page.locator('.tracking-link a').click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Melding ${ref}`);
    await expect(imagesLoaded(page, 'main .photos img')).resolves.toBe(1);
    await expect(page.locator('#choices-title').isVisible()).resolves.toBe(true);
    const report = await reportByRef(ref);
    expect(report).toMatchObject({ channel: 'web', address: 'Storgata 12, 3915 Porsgrunn' });
  });

  it('keeps what was typed, the answers and the photo when the form comes back with errors', async () => {
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/meld`);
    // A manhole cover: its question "what is wrong" is required; it shows under the category once
    // chosen, even without scripts, but is left unanswered here.
    await page.locator('#category-avlop-kumlokk').check();
    await page.locator('#address').fill('Kirkegata 3');
    await page.locator('#description').fill('Kumlokket vipper når bilene kjører over.');
    await page.locator('#contact-name').fill('Ola Nordmann');
    await page.locator('#contact-email').fill('ola@example.no');
    await page.locator('#contact-phone').fill('912 34 567');
    await page.locator('input[name="contact.notify"][value="sms"]').check();
    await page.locator('#contact-language').selectOption('en');
    await page.setInputFiles('#photos', upload());
    await submitReportForm(page, FORM_WITH_ERRORS);

    // Opened at the summary of problems, which is announced (role=alert) and the fragment's target.
    await expect(page.evaluate(() => document.querySelector(':target')?.id)).resolves.toBe('error-summary');
    await expect(page.locator('#error-summary').getAttribute('role')).resolves.toBe('alert');
    await expect(page.title()).resolves.toMatch(/^Det er 1 feil i skjemaet/);
    await expect(page.locator('#answer-avlop-kumlokk-tilstand .field-error').isVisible()).resolves.toBe(true);
    await expect.poll(() => page.locator('#category-avlop-kumlokk').isChecked()).toBe(true);
    await expect(page.locator('#address').inputValue()).resolves.toBe('Kirkegata 3');
    await expect(page.locator('#description').inputValue()).resolves.toBe(
      'Kumlokket vipper når bilene kjører over.',
    );
    await expect(page.locator('#contact-name').inputValue()).resolves.toBe('Ola Nordmann');
    await expect(page.locator('#contact-email').inputValue()).resolves.toBe('ola@example.no');
    await expect(page.locator('#contact-phone').inputValue()).resolves.toBe('912 34 567');
    await expect.poll(() => page.locator('input[name="contact.notify"][value="sms"]').isChecked()).toBe(true);
    await expect(page.locator('#contact-language').inputValue()).resolves.toBe('en');
    await expect(page.getByText('Bilder du allerede har lastet opp').isVisible()).resolves.toBe(true);
    await expect(imagesLoaded(page, '#report-form .photos img')).resolves.toBe(1);

    // Answer the question but empty the description: the answer and the photo are kept again.
    await page.locator('#answer-avlop-kumlokk-tilstand input[value="skadet"]').check();
    await page.locator('#description').fill('');
    await submitReportForm(page, FORM_WITH_ERRORS);
    await expect(page.locator('#description').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect
      .poll(() => page.locator('#answer-avlop-kumlokk-tilstand input[value="skadet"]').isChecked())
      .toBe(true);
    await expect(imagesLoaded(page, '#report-form .photos img')).resolves.toBe(1);

    await page.locator('#description').fill('Kumlokket er sprukket.');
    await submitReportForm(page, REVIEW_PAGE);
    await sendReview(page);
    const report = await reportByRef((await page.locator('.ref').textContent()) ?? '');
    expect(report).toMatchObject({ description: 'Kumlokket er sprukket.', answers: { tilstand: 'skadet' } });
    const photos = await t.ctx.db.db.select().from(reportPhotos).where(eq(reportPhotos.reportId, report.id));
    expect(photos).toHaveLength(1);
    const [contact] = await t.ctx.db.db
      .select()
      .from(reportContacts)
      .where(eq(reportContacts.reportId, report.id));
    expect(contact).toMatchObject({ name: 'Ola Nordmann', notify: 'sms', language: 'en' });
  });

  it('opens the form from a QR sticker pre-filled, and the report records the sticker', async () => {
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/q/pg-bh0417`);
    await expect(page.locator('#place').textContent()).resolves.toContain('BH-0417');
    await expect(page.locator('#place-status').textContent()).resolves.toBe(
      'Brannhydrant BH-0417 i Storgata',
    );
    await expect(page.locator('#address').inputValue()).resolves.toBe('Storgata 118, 3915 Porsgrunn');
    // The sticker's suggested categories come first.
    const firstGroup = page.locator('#category-list .group').first();
    await expect(firstGroup.locator('h2').textContent()).resolves.toBe('Foreslått for dette stedet');
    await expect(
      firstGroup.locator('input[name="category"]').evaluateAll((l) => l.map((i) => i.id)),
    ).resolves.toEqual(['category-vann-brannhydrant', 'category-vann-lekkasje']);

    await page.locator('#category-vann-brannhydrant').check();
    await page.locator('#description').fill('Hydranten er påkjørt og lekker.');
    await submitReportForm(page, REVIEW_PAGE);
    await sendReview(page);
    const report = await reportByRef((await page.locator('.ref').textContent()) ?? '');
    const [link] = await t.ctx.db.db.select().from(reportLinks).where(eq(reportLinks.code, 'pg-bh0417'));
    expect(report).toMatchObject({ assetRef: 'BH-0417', reportLinkId: link?.id, channel: 'qr' });
    expect(link?.scanCount).toBeGreaterThanOrEqual(1);
  });

  it('shows an open report of the same kind nearby and lets the resident follow it instead', async () => {
    const earlier = await createApiReport(t, {
      category: 'avlop-tett',
      location: { lat: 59.1302, lon: 9.641 },
      answers: {},
    });
    const page = await context.newPage();
    // About 120 m from the earlier report; the point comes in the link, as from a QR sticker.
    await page.goto(`${t.baseUrl}/porsgrunn/meld?lat=59.1312&lon=9.6418`);
    await page.locator('#category-avlop-tett').check();
    await page.locator('#description').fill('Avløpet i gata renner over.');
    await page.locator('#contact-email').fill('nabo@example.no');
    await submitReportForm(page, REVIEW_PAGE);

    const nearby = page.locator('ul.nearby > li');
    await expect(nearby.count()).resolves.toBe(1);
    await expect(nearby.locator('a').first().textContent()).resolves.toBe(earlier.ref);
    // Words and numbers apart: "Tett avløp eller kloakkstopp, 120 m unna" (not "…kloakkstopp,120 m").
    await expect(nearby.locator('p').first().textContent()).resolves.toMatch(
      new RegExp(`^${earlier.ref}: Tett avløp eller kloakkstopp, \\d+ m unna, meldt `),
    );
    // The follow form already has the e-mail address typed on the form.
    await expect(nearby.locator('input[type="email"]').inputValue()).resolves.toBe('nabo@example.no');
    // Nothing is followed until the owner of the address confirms: the page says to check the email.
    await clickAndWait(
      page,
      'ul.nearby button[type="submit"]',
      new RegExp(`/meldinger/${earlier.ref}/folg/[0-9a-f-]{36}$`),
    );
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sjekk e-posten din');
    const report = await reportByRef(earlier.ref);
    const followers = () =>
      t.ctx.db.db
        .select()
        .from(reportFollowers)
        .where(and(eq(reportFollowers.reportId, report.id), eq(reportFollowers.email, 'nabo@example.no')));
    expect((await followers()).map((f) => f.confirmedAt)).toEqual([null]);

    // The link in the confirmation (no mail server here: it waits in the outbox) and its button.
    const [confirmation] = await t.ctx.db.db
      .select({ bodyText: messages.bodyText })
      .from(messages)
      .where(and(eq(messages.kind, 'follow_confirm'), eq(messages.recipient, 'nabo@example.no')));
    const link = /http:\/\/meld\.test\S+\/folg\/bekreft\?\S+/.exec(confirmation?.bodyText ?? '')?.[0] ?? '';
    await page.goto(link);
    await clickAndWait(
      page,
      'main form button[type="submit"]',
      new RegExp(`/meldinger/${earlier.ref}\\?ok=folg$`),
    );
    await expect(page.locator('p.notice[role="status"]').textContent()).resolves.toBe(
      'Du følger nå meldingen og får beskjed når noe skjer.',
    );
    await expect(page.getByText('1 person følger denne meldingen').isVisible()).resolves.toBe(true);
    expect((await followers())[0]?.confirmedAt).toBeInstanceOf(Date);
  });

  it('stops updates with the tracking token', async () => {
    const { ref, trackingToken } = await createApiReport(t);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/meldinger/${ref}?token=${encodeURIComponent(trackingToken)}`);
    await expect(page.getByText('Du får beskjed på e-post.').isVisible()).resolves.toBe(true);
    await clickAndWait(page, 'section[aria-labelledby="choices-title"] button', /ok=stopp$/);
    await expect(page.locator('p.notice[role="status"]').textContent()).resolves.toBe(
      'Du får ikke flere beskjeder om denne meldingen.',
    );
    await expect(page.getByText('Du får ikke beskjed.').isVisible()).resolves.toBe(true);
    const report = await reportByRef(ref);
    const [contact] = await t.ctx.db.db
      .select()
      .from(reportContacts)
      .where(eq(reportContacts.reportId, report.id));
    expect(contact?.notify).toBe('none');
  });
});
