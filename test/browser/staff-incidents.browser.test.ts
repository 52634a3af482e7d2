// Incidents and linked reports in Chromium: five discoloured-water reports close together make the
// inbox's incidents panel appear live (no reload); its link opens the incident; "Lag driftsmelding
// fra hendelsen" opens the new draft notice with the five reports linked; published and ended,
// its open reports are closed together after a confirmation, with the result announced. Axe on
// each step.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { axeViolations, createApiReport, expectNoViolations, useWebApp } from '../support/web.ts';
import { logInPage } from './staff-admin-helpers.ts';

async function noViolations(page: Page, where: string): Promise<void> {
  const problems = await axeViolations(page);
  expectNoViolations(problems.map((p) => `${where}: ${p}`));
}

const CLUSTER = [
  { lat: 59.14, lon: 9.66 },
  { lat: 59.1408, lon: 9.6612 },
  { lat: 59.1395, lon: 9.6618 },
  { lat: 59.1404, lon: 9.659 },
  { lat: 59.1411, lon: 9.6603 },
];

describe('incidents in the back office', () => {
  const web = useWebApp();

  it('shows an incident live in the inbox and creates a notice from it', async () => {
    const { page } = await logInPage(web.t, web.browser, ['saksbehandler'], 'Ine Incident');
    const panel = page.getByTestId('incidents-panel');
    await panel.waitFor({ state: 'attached' });
    await expect(panel.textContent()).resolves.toBe('');

    for (const [i, location] of CLUSTER.entries()) {
      await createApiReport(web.t, {
        category: 'vann-misfarget',
        location,
        address: `Storgata ${i + 1}`,
        description: 'Brunt vann fra kranen.',
        answers: { 'rent-kaldt': true },
        contact: { name: 'Beboer', email: `beboer${i}@example.no`, notify: 'email' },
      });
    }
    await panel.getByRole('heading', { name: '1 åpen hendelse' }).waitFor({ timeout: 20_000 });
    const link = panel.getByRole('link', { name: 'Brunt eller misfarget vann – 5 meldinger innen 500 m' });
    await noViolations(page, 'inbox with incident');
    await link.click();
    await page.locator('h1', { hasText: 'Hendelse: Brunt eller misfarget vann' }).waitFor();
    await expect(page.locator('.incident-reports li').count()).resolves.toBe(5);
    await noViolations(page, 'incident');

    await page.getByRole('button', { name: 'Lag driftsmelding fra hendelsen' }).click();
    await page.waitForURL(/\/admin\/m\/4001\/notices\/[0-9a-f-]{36}$/);
    await page.locator('h1', { hasText: /^Spyling av vannledninger: Storgata/ }).waitFor();
    await expect(page.getByTestId('notice-status').textContent()).resolves.toBe('Utkast');
    await page.getByText('5 knyttet, 5 åpne.').waitFor();
    await noViolations(page, 'draft from incident');

    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.getByText('Driftsmeldingen er publisert.').waitFor();
    await page.getByRole('button', { name: 'Avslutt' }).click();
    await page.getByRole('button', { name: 'Avslutt' }).last().click();
    await page.getByText('Driftsmeldingen er avsluttet.').waitFor();

    // One reporter chose nynorsk: they get the nynorsk reply, the rest the bokmål one.
    await web.t.ctx.db.db.execute(
      sql`update report_contacts set language = 'nn' where email = 'beboer0@example.no'`,
    );
    await page.getByLabel('Svar til innbyggerne (bokmål)').fill('Spylingen er ferdig. Takk for meldingen!');
    await page.getByLabel('Svar på nynorsk (valgfritt)').fill('Spylinga er ferdig. Takk for meldinga!');
    await page.getByRole('button', { name: 'Lukk de åpne meldingene' }).click();
    await page.getByText('Lukke 5 åpne meldinger og sende svaret').waitFor();
    await noViolations(page, 'confirm close');
    await page.getByRole('button', { name: 'Ja, lukk og send' }).click();
    await page
      .getByTestId('linked-result')
      .filter({ hasText: '5 meldinger lukket, 0 var lukket fra før, 0 feilet.' })
      .waitFor();
    await page.getByText('5 knyttet, 0 åpne.').waitFor();
    const id = page.url().split('/').pop() ?? '';
    const [row] = await queryRows<{ n: number }>(
      web.t.ctx.db.db,
      sql`select count(*)::int as n from notice_report_links l join reports r on r.id = l.report_id
           where l.notice_id = ${id} and r.status = 'utfort'`,
    );
    expect(row?.n).toBe(5);
    const replies = await queryRows<{ email: string; message: string }>(
      web.t.ctx.db.db,
      sql`select c.email, e.message from report_events e join report_contacts c on c.report_id = e.report_id
           where e.kind = 'status_changed' and e.status = 'utfort' order by c.email`,
    );
    expect(replies.map((r) => r.message)).toEqual([
      'Spylinga er ferdig. Takk for meldinga!',
      ...Array(4).fill('Spylingen er ferdig. Takk for meldingen!'),
    ]);

    // The case view shows the link back to the notice.
    await page.locator('.linked-reports tbody a').first().click();
    const back = page.locator('.case-linked-notice');
    await back.getByRole('link', { name: /^Spyling av vannledninger: Storgata/ }).waitFor();
    await expect(back.textContent()).resolves.toMatch(/^Knyttet til driftsmelding:/);
    await page.context().close();
  }, 120_000);
});
