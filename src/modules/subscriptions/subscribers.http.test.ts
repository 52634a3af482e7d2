// Notice subscribers for staff through the real app on both databases: entering one at the desk,
// the list and its counts, contact details only for roles that may see them (each look audited),
// the vulnerable flag, unsubscribing, tenancy (another municipality's admin gets 403; one account
// in two municipalities sees each one's own), and the admin's CSV import with good, bad and
// duplicate lines, and 10,000 lines timed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildSecondMunicipality, SKIEN } from '../../../test/support/second-municipality.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { importAddresses } from '../geo/import-addresses.ts';
import { PORSGRUNN_SAMPLE_FILE } from '../geo/local-addresses.ts';

const OWN = '4001';
const base = `/api/v1/staff/m/${OWN}/subscribers`;
const CSV = { 'content-type': 'text/csv; charset=utf-8' };

describe.each(databaseKinds())('notice subscribers for staff on %s', (kind) => {
  let t: TestApp;
  const staff = {} as Record<
    'admin' | 'saksbehandler' | 'servicekontor' | 'feltarbeider' | 'leser' | 'skienAdmin' | 'both',
    StaffClient
  >;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildSecondMunicipality(t.ctx.db.db);
    await importAddresses(t.ctx.db.db, PORSGRUNN_SAMPLE_FILE);
    for (const role of ['admin', 'saksbehandler', 'servicekontor', 'feltarbeider', 'leser'] as const) {
      staff[role] = await logInAs(
        t,
        await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: [role] }),
      );
    }
    staff.skienAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: SKIEN.kommunenummer, roles: ['admin'] }),
    );
    const both = await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: ['servicekontor'] });
    await t.ctx.db.db.execute(
      sql`insert into staff_roles (user_id, kommunenummer, role) values (${both.id}::uuid, ${SKIEN.kommunenummer}, 'admin')`,
    );
    staff.both = await logInAs(t, both);
  });
  afterAll(() => t?.close());

  const audits = (action: string, id: string) =>
    queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${id}`,
    ).then((rows) => rows[0]?.n ?? 0);

  it('enters a consenting resident at the desk, confirmed, and shows contact details only to roles allowed', async () => {
    const created = await staff.servicekontor.request('POST', base, {
      address: 'storgata 12',
      email: 'desk@example.no',
      phone: '900 11 222',
      language: 'nn',
      consent: true,
      contactName: 'Kari Nordmann',
    });
    expect(created.status, created.text).toBe(201);
    const id: string = created.body.id;
    expect(await audits('subscriber.created', id)).toBe(1);

    const list = await staff.leser.request('GET', `${base}?q=storgata`);
    expect(list.status).toBe(200);
    const item = list.body.subscribers.find((s: { id: string }) => s.id === id);
    expect(item).toMatchObject({
      address: 'Storgata 12',
      source: 'staff',
      email: { given: true, confirmed: true },
      sms: { given: true, confirmed: true },
    });
    expect(list.text).not.toContain('desk@example.no');
    expect(list.body.confirmedEmail).toBeGreaterThanOrEqual(1);

    const asReader = await staff.leser.request('GET', `${base}/${id}`);
    expect(asReader.body.contactVisible).toBe(false);
    expect(asReader.text).not.toContain('desk@example.no');
    expect(asReader.text).not.toContain('Kari Nordmann');
    expect(await audits('subscriber.contact_viewed', id)).toBe(0);

    const asCaseWorker = await staff.saksbehandler.request('GET', `${base}/${id}`);
    expect(asCaseWorker.body).toMatchObject({
      contactVisible: true,
      emailAddress: 'desk@example.no',
      phoneNumber: '+4790011222',
      contactName: 'Kari Nordmann',
    });
    expect(await audits('subscriber.contact_viewed', id)).toBe(1);
  });

  it('refuses a desk entry without consent, contact or a known address', async () => {
    const noConsent = await staff.servicekontor.request('POST', base, {
      address: 'Storgata 12',
      email: 'x@example.no',
      language: 'nb',
    });
    expect(noConsent.status).toBe(400);
    const unknown = await staff.servicekontor.request('POST', base, {
      address: 'Finnesikkeveien 1',
      email: 'x@example.no',
      language: 'nb',
      consent: true,
    });
    expect(unknown.status).toBe(422);
    const noContact = await staff.servicekontor.request('POST', base, {
      lat: 59.14,
      lon: 9.65,
      language: 'nb',
      consent: true,
    });
    expect(noContact.status).toBe(422);
    const control = await staff.servicekontor.request('POST', base, {
      address: 'Storgata\u0000 12',
      email: 'x@example.no',
      language: 'nb',
      consent: true,
    });
    expect(control.status).toBe(400);
  });

  it('flags a subscriber as vulnerable with a note (audited), then unsubscribes it clearing personal fields', async () => {
    const { body } = await staff.servicekontor.request('POST', base, {
      address: 'Kirkegata 1',
      phone: '91111111',
      language: 'nb',
      consent: true,
    });
    const id: string = body.id;
    const flagged = await staff.servicekontor.request('PUT', `${base}/${id}/vulnerable`, {
      vulnerable: true,
      note: 'Hjemmedialyse',
      contactName: 'Ola',
    });
    expect(flagged.status).toBe(204);
    expect(await audits('subscriber.vulnerable_changed', id)).toBe(1);
    expect((await staff.saksbehandler.request('GET', `${base}/${id}`)).body).toMatchObject({
      vulnerable: true,
      vulnerableNote: 'Hjemmedialyse',
      contactName: 'Ola',
    });
    const reader = await staff.leser.request('GET', `${base}/${id}`);
    expect(reader.body.vulnerable).toBe(true);
    expect(reader.text).not.toContain('Hjemmedialyse');
    expect((await staff.leser.request('PUT', `${base}/${id}/vulnerable`, { vulnerable: false })).status).toBe(
      403,
    );

    expect((await staff.servicekontor.request('DELETE', `${base}/${id}`)).status).toBe(204);
    expect(await audits('subscriber.unsubscribed', id)).toBe(1);
    const [row] = await queryRows<Record<string, unknown>>(
      t.ctx.db.db,
      sql`select phone, address, vulnerable_note, contact_name, unsubscribed_at is not null as gone from subscribers where id = ${id}::uuid`,
    );
    expect(row).toEqual({
      phone: null,
      address: null,
      vulnerable_note: null,
      contact_name: null,
      gone: true,
    });
    expect((await staff.servicekontor.request('DELETE', `${base}/${id}`)).status).toBe(404);
  });

  it("keeps another municipality's staff out, and shows a two-municipality account each one's own", async () => {
    const { body } = await staff.admin.request('POST', base, {
      address: 'Storgata 14',
      email: 'tenancy@example.no',
      language: 'nb',
      consent: true,
    });
    const id: string = body.id;
    const skien = staff.skienAdmin;
    expect((await skien.request('GET', base)).status).toBe(403);
    expect((await skien.request('GET', `${base}/${id}`)).status).toBe(403);
    expect((await skien.request('DELETE', `${base}/${id}`)).status).toBe(403);
    expect((await skien.request('POST', `${base}/import`, 'adresse;epost;samtykke\n', CSV)).status).toBe(403);
    const theirs = `/api/v1/staff/m/${SKIEN.kommunenummer}/subscribers`;
    expect((await skien.request('GET', `${theirs}/${id}`)).status).toBe(404);
    expect((await skien.request('PUT', `${theirs}/${id}/vulnerable`, { vulnerable: true })).status).toBe(404);
    expect((await skien.request('DELETE', `${theirs}/${id}`)).status).toBe(404);
    expect((await skien.request('GET', theirs)).body.subscribers).toEqual([]);

    // Servicekontor in Porsgrunn, admin in Skien: each list is that municipality's own.
    const own = await staff.both.request('GET', base);
    expect(own.body.subscribers.some((s: { id: string }) => s.id === id)).toBe(true);
    const skienList = await staff.both.request('GET', theirs);
    expect(skienList.status).toBe(200);
    expect(skienList.body.subscribers).toEqual([]);
    expect((await staff.both.request('POST', `${base}/import`, 'adresse;epost;samtykke\n', CSV)).status).toBe(
      403,
    );
    expect((await t.request('GET', base)).status).toBe(401);
  });

  it('imports a CSV: accepted, already there and rejected lines with line numbers and reasons', async () => {
    const csv = [
      '\uFEFFadresse;epost;mobil;språk;samtykke;sårbar;merknad;navn',
      'Storgata 1;a1@example.no;;nb;ja;;;',
      'storgata 2;;92222222;en;yes;ja;Sykehjem;Bestyrer',
      'Storgata 1;a1@example.no;;nb;ja;;;',
      'Storgata 3;a3@example.no;;nb;nei;;;',
      'Finnesikkeveien 9;a4@example.no;;nb;ja;;;',
      'Storgata 4;ikke-epost;;nb;ja;;;',
      'Storgata 5;;;nb;ja;;;',
      '',
      'Storgata 6;a6@example.no;;xx;1;;;',
      'Storgata 12;desk@example.no;;nb;true;;;',
    ].join('\r\n');
    const forbidden = await staff.saksbehandler.request('POST', `${base}/import`, csv, CSV);
    expect(forbidden.status).toBe(403);
    const result = await staff.admin.request('POST', `${base}/import`, csv, {
      ...CSV,
      'accept-language': 'en',
    });
    expect(result.status, result.text).toBe(200);
    expect(result.body).toMatchObject({ lines: 9, accepted: 2, alreadyThere: 2, rejected: 5 });
    expect(result.body.rejectedLines).toEqual([
      { line: 5, reason: 'No consent (samtykke must be yes)' },
      { line: 6, reason: 'Address not found in the municipality' },
      { line: 7, reason: 'Invalid email address' },
      { line: 8, reason: 'Neither email nor mobile number' },
      { line: 10, reason: 'Unknown language (use nb, nn or en)' },
    ]);
    const again = await staff.admin.request('POST', `${base}/import`, csv, CSV);
    expect(again.body).toMatchObject({ accepted: 0, alreadyThere: 4, rejected: 5 });
    expect(again.body.rejectedLines[0].reason).toBe('Mangler samtykke (samtykke må være ja)');
    const [vulnerable] = await queryRows<Record<string, unknown>>(
      t.ctx.db.db,
      sql`select vulnerable, vulnerable_note, contact_name, source, phone_confirmed_at is not null as confirmed
            from subscribers where phone = '+4792222222'`,
    );
    expect(vulnerable).toEqual({
      vulnerable: true,
      vulnerable_note: 'Sykehjem',
      contact_name: 'Bestyrer',
      source: 'import',
      confirmed: true,
    });
  });

  it('reads comma-separated files with lat/lon, refuses broken and oversized ones with 4xx', async () => {
    const commas = 'lat,lon,epost,samtykke\n59.1,9.6,punkt@example.no,ja\n"59,2",9.6,punkt2@example.no,ja\n';
    const result = await staff.admin.request('POST', `${base}/import`, commas, CSV);
    expect(result.body).toMatchObject({ accepted: 2, rejected: 0 });
    const broken = await staff.admin.request(
      'POST',
      `${base}/import`,
      'adresse;epost;samtykke\n"Storgata 1;a;ja\n',
      CSV,
    );
    expect(broken.status).toBe(400);
    const empty = await staff.admin.request('POST', `${base}/import`, '\uFEFF', CSV);
    expect(empty.status).toBe(400);
    const big = `adresse;epost;samtykke\n${'Storgata 1;x@example.no;ja\n'.repeat(200_000)}`;
    expect((await staff.admin.request('POST', `${base}/import`, big, CSV)).status).toBe(413);
  });

  it('imports 10,000 lines in a few seconds', async () => {
    const [addresses] = await queryRows<{ list: string[] }>(
      t.ctx.db.db,
      sql`select array_agg(adressetekst order by adressetekst) as list from addresses where kommunenummer = '4001'`,
    );
    const list = addresses?.list ?? [];
    const lines = ['adresse;epost;mobil;språk;samtykke'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`${list[i % list.length]};bulk${i}@example.no;${40_000_000 + i};nb;ja`);
    const started = performance.now();
    const result = await staff.admin.request('POST', `${base}/import`, lines.join('\n'), CSV);
    const ms = performance.now() - started;
    expect(result.status, result.text).toBe(200);
    expect(result.body).toMatchObject({ lines: 10_000, accepted: 10_000, rejected: 0 });
    console.log(
      `10,000-line import on ${kind}: ${Math.round(ms)} ms over HTTP, ${result.body.milliseconds} ms in the server`,
    );
    expect(ms).toBeLessThan(15_000);
  });
});
