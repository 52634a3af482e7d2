// Meldingstekster in Chromium: the list of every message with built-in or own text, the Bokmål
// email reply edited with a live preview (text, and HTML in a sandboxed frame), saved, shown as
// the municipality's own, and reset; a refused draft kept with the server's reasons; the SMS
// length; axe in bokmål and English, and 320 px.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logInAs } from '../support/staff.ts';
import { expectNoViolations, useWebApp } from '../support/web.ts';
import { inside, logInPage } from './staff-admin-helpers.ts';

const OWN = 'Hei! Her er svaret fra Porsgrunn: {message} Referanse {ref}.';

/**
 * Axe as axeViolations() runs it, but leaving out the preview's sandboxed frame: with scripts off
 * in it axe cannot run there and waits for ever. What is in it is the server's email, not this page.
 */
async function noViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe.preview-html')
    .analyze();
  expectNoViolations(
    results.violations.flatMap((v) =>
      v.nodes.map(
        (n) => `${where}: ${v.id}: ${v.help} at ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`,
      ),
    ),
  );
}

describe('message templates', () => {
  const web = useWebApp();

  it('edits the Bokmål email reply with a live preview, saves it, and resets it', async () => {
    const { page, user } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    const console: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') console.push(message.text());
    });
    await page.goto(inside(web.t, 'admin'));
    await page.getByRole('link', { name: 'Meldingstekster' }).click();
    await page.locator('h1', { hasText: 'Meldingstekster' }).waitFor();
    await page.locator('.messages-table').first().waitFor();
    const reply = page.locator('section', { has: page.locator('h2', { hasText: 'Svar til innbyggeren' }) });
    await expect(reply.locator('tbody tr').count()).resolves.toBe(6);
    const row = reply.locator('tr', { hasText: 'Bokmål' }).filter({ hasText: 'E-post' });
    await expect(row.textContent()).resolves.toContain('Standardtekst');
    await noViolations(page, 'list');

    await page.getByRole('link', { name: 'Endre Svar til innbyggeren, E-post, Bokmål' }).click();
    await page.waitForURL(/\/admin\/messages\/public_reply\/email\/nb$/);
    await page.locator('h1', { hasText: 'Svar til innbyggeren: E-post på Bokmål' }).waitFor();
    const body = page.getByLabel('Tekst', { exact: true });
    await expect(body.inputValue()).resolves.toContain('{message}');
    const text = page.locator('[data-testid="preview-text"]');
    await text.waitFor();
    await expect(page.locator('iframe.preview-html').getAttribute('sandbox')).resolves.toBe('');

    // Typing updates the preview with sample values; the HTML version is in the sandboxed frame.
    await body.fill(OWN);
    await expect
      .poll(() => text.textContent(), { timeout: 5000 })
      .toContain('Hei! Her er svaret fra Porsgrunn: Vi har sendt en mannskapsbil');
    await expect(text.textContent()).resolves.toContain('Referanse 4001-');
    const frame = page.frameLocator('iframe.preview-html');
    await expect(frame.locator('body').textContent()).resolves.toContain('Hei! Her er svaret fra Porsgrunn');
    await noViolations(page, 'editor');

    // A placeholder is inserted where the cursor is, by keyboard.
    await body.focus();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Sett inn {category}' }).press('Enter');
    await expect(body.inputValue()).resolves.toBe(`${OWN}{category}`);
    // Focus goes back to the text in the next animation frame, after the insert has rendered.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('message-body');
    await body.fill(OWN);

    await page.getByRole('button', { name: 'Lagre teksten' }).click();
    // The notice is filled in when the server has answered.
    await page.locator('.saved-notice', { hasText: 'Teksten er lagret.' }).waitFor();
    const staff = await logInAs(web.t, user);
    const listed = await staff.request('GET', '/api/v1/staff/m/4001/admin/message-templates');
    const own = (
      listed.body.templates as { kind: string; channel: string; language: string; override: unknown }[]
    ).find((e) => e.kind === 'public_reply' && e.channel === 'email' && e.language === 'nb');
    expect(own?.override).toMatchObject({ body: OWN });

    await page.getByRole('link', { name: 'Alle meldingstekster' }).click();
    await expect(row.textContent()).resolves.toContain('Egen tekst');
    await expect(row.getAttribute('data-own')).resolves.toBe('true');

    // Back to the built-in text.
    await page.getByRole('link', { name: 'Endre Svar til innbyggeren, E-post, Bokmål' }).click();
    await page.getByRole('button', { name: 'Tilbakestill til standard' }).click();
    await page.locator('.saved-notice', { hasText: 'Standardteksten brukes igjen.' }).waitFor();
    await expect(body.inputValue()).resolves.not.toContain('Her er svaret fra Porsgrunn');
    await expect(page.getByRole('button', { name: 'Tilbakestill til standard' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Alle meldingstekster' }).click();
    await expect(row.textContent()).resolves.toContain('Standardtekst');
    // The frame's own inline styles are stopped by the page's CSP (said on the page); nothing else.
    expect(console.filter((c) => !/style-src|inline style/i.test(c))).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('keeps a refused draft with the reasons, counts an SMS, speaks English and fits 320 px', async () => {
    const { page } = await logInPage(web.t, web.browser, ['admin'], 'Anne Admin');
    await page.goto(inside(web.t, 'admin/messages/receipt/sms/nb'));
    await page.locator('h1', { hasText: 'Kvittering for ny melding: SMS på Bokmål' }).waitFor();
    await expect(page.getByLabel('Emne').count()).resolves.toBe(0);
    await expect(page.locator('.sms-length').textContent()).resolves.toMatch(/^Lengde: \d+ av 306 tegn/);

    const body = page.getByLabel('Tekst', { exact: true });
    await body.fill('Takk! {ref} {message}');
    const problems = page.locator('.preview-problems');
    await expect(problems.textContent()).resolves.toContain('{message} kan ikke brukes i denne meldingen');
    await page.getByRole('button', { name: 'Lagre teksten' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain(
      '{message} kan ikke brukes',
    );
    await expect(page.locator('#message-body-error').textContent()).resolves.toContain('{message}');
    await expect(body.inputValue()).resolves.toBe('Takk! {ref} {message}');
    // The draft survives a reload.
    await page.reload();
    await expect(page.getByLabel('Tekst', { exact: true }).inputValue()).resolves.toBe(
      'Takk! {ref} {message}',
    );
    await noViolations(page, 'refused sms');

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Receipt for a new report: SMS in Bokmål' }).waitFor();
    await noViolations(page, 'en sms editor');
    await page.goto(inside(web.t, 'admin/messages'));
    await page.locator('.messages-table').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Message texts' }).waitFor();
    await noViolations(page, 'en list');

    await page.setViewportSize({ width: 320, height: 640 });
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    await expect(width()).resolves.toBeLessThanOrEqual(320);
    await page.goto(inside(web.t, 'admin/messages/public_reply/email/en'));
    await page.locator('[data-testid="preview-text"]').waitFor();
    await expect(width()).resolves.toBeLessThanOrEqual(320);
    await page.context().close();
  }, 60_000);
});
