// The feeds through the real app on both databases: RSS 2.0 and Atom parsed as XML (every
// element closed explicitly, the required elements there), iCalendar unfolded and read line by
// line (CRLF, ≤ 75 octets a line, UID stable and SEQUENCE bumped on a change), GeoJSON as a
// FeatureCollection of MultiPolygons. Published and ended notices only, never drafts.
import { eq } from 'drizzle-orm';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { municipalities } from '../tenants/schema.ts';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML strictly enough for a feed: one root, every element closed by its own end tag. */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = { name, attributes, children: [], text: '' };
        stack.at(-1)?.children.push(element);
        stack.push(element);
      },
      ontext(text) {
        const current = stack.at(-1);
        if (current === root && text.trim()) problems.push(`text outside the root: ${text}`);
        if (current) current.text += text;
      },
      onclosetag(name, isImplied) {
        // htmlparser2 calls a self-closing tag's end implied too: only `<x/>` may be.
        const raw = xml.slice(parser.startIndex, parser.endIndex + 1);
        if (isImplied && !raw.endsWith('/>')) problems.push(`<${name}> not closed`);
        if (stack.pop()?.name !== name) problems.push(`</${name}> out of order`);
      },
      onerror(error) {
        problems.push(error.message);
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(xml);
  parser.end();
  expect(problems).toEqual([]);
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  const [document] = root.children;
  if (!document) throw new Error('no root element');
  return document;
}

function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

interface IcsEvent {
  [property: string]: string;
}

/** Checks the line rules of RFC 5545 §3.1 and returns the VEVENTs' properties, unfolded and unescaped. */
function parseIcs(text: string): { calendar: Record<string, string>; events: IcsEvent[] } {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line.includes('\n') || line.includes('\r')).toBe(false);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const calendar: Record<string, string> = {};
  const events: IcsEvent[] = [];
  let event: IcsEvent | undefined;
  for (const line of lines.slice(1, -1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (line === 'BEGIN:VEVENT') {
      expect(event).toBeUndefined();
      event = {};
    } else if (line === 'END:VEVENT') {
      if (!event) throw new Error('END:VEVENT without BEGIN');
      events.push(event);
      event = undefined;
    } else {
      expect(name).toMatch(/^[A-Z-]+$/);
      (event ?? calendar)[name] = value;
    }
  }
  expect(event).toBeUndefined();
  return { calendar, events };
}

function unescapeIcs(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe.each(databaseKinds())('notice feeds on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  let publishedId: string;
  let draftId: string;
  const base = '/api/v1/staff/m/4001/notices';
  const title = 'Vannstans Storgata 1–9 & «Østsiden», kl. 08; ikke drikk <brunt> vann';
  const body = `Linje én; med komma, semikolon og \\ skråstrek.\nLinje to:${' æøå'.repeat(40)}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
    const notice = {
      type: 'planned_shutoff',
      title: { nb: title, en: 'Planned shut-off' },
      body: { nb: body },
      area: { type: 'Circle', center: { lat: 59.14, lon: 9.66 }, radiusMetres: 300 },
      startsAt: '2026-12-05T07:00:00.000Z',
      expectedEndAt: '2026-12-05T11:00:00.000Z',
    };
    publishedId = (await admin.request('POST', base, notice)).body.id;
    expect((await admin.request('POST', `${base}/${publishedId}/publish`)).status).toBe(200);
    draftId = (await admin.request('POST', base, { ...notice, title: { nb: 'Hemmelig utkast' } })).body.id;
  });
  afterAll(() => t?.close());

  it('serves RSS 2.0 with the required elements, escaped, drafts left out', async () => {
    const res = await t.request('GET', '/porsgrunn/driftsmeldinger.rss');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(res.text).not.toContain('Hemmelig utkast');
    expect(res.text).not.toContain(draftId);
    const rss = parseXml(res.text);
    expect(rss.name).toBe('rss');
    expect(rss.attributes.version).toBe('2.0');
    const channel = child(rss, 'channel');
    for (const name of ['title', 'link', 'description']) expect(child(channel, name).text).not.toBe('');
    expect(child(channel, 'link').text).toBe(`${t.ctx.config.publicUrl}/porsgrunn/driftsmeldinger`);
    const items = children(channel, 'item');
    expect(items).toHaveLength(1);
    const [item] = items;
    if (!item) throw new Error('no item');
    expect(child(item, 'title').text).toBe(`Planlagt vannstans: ${title}`);
    expect(child(item, 'description').text).toBe(body);
    expect(child(item, 'guid').text).toBe(`notice-${publishedId}@${new URL(t.ctx.config.publicUrl).host}`);
    // Each item links to the notice's own page.
    expect(child(item, 'link').text).toBe(
      `${t.ctx.config.publicUrl}/porsgrunn/driftsmeldinger/${publishedId}`,
    );
    expect(Number.isNaN(Date.parse(child(item, 'pubDate').text))).toBe(false);
  });

  it('serves Atom with id, title, updated and author, in the asked language', async () => {
    const res = await t.request('GET', '/porsgrunn/driftsmeldinger.atom?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(res.text);
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated']) expect(child(feed, name).text).not.toBe('');
    expect(child(child(feed, 'author'), 'name').text).toBe('Porsgrunn');
    const entries = children(feed, 'entry');
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    if (!entry) throw new Error('no entry');
    expect(child(entry, 'id').text).toBe(`urn:uuid:${publishedId}`);
    expect(child(entry, 'title').text).toBe('Planned water shut-off: Planned shut-off');
    expect(Number.isNaN(Date.parse(child(entry, 'updated').text))).toBe(false);
    // No English text: bokmål.
    expect(child(entry, 'content').text).toBe(body);
  });

  it('serves iCalendar: one folded, escaped VEVENT per notice, UID stable and SEQUENCE bumped on a change', async () => {
    const first = await t.request('GET', '/porsgrunn/driftsmeldinger.ics');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const before = parseIcs(first.text);
    expect(before.calendar).toMatchObject({ VERSION: '2.0', METHOD: 'PUBLISH' });
    expect(before.calendar.PRODID).toBeTruthy();
    expect(before.events).toHaveLength(1);
    const [event] = before.events;
    const uid = `notice-${publishedId}@${new URL(t.ctx.config.publicUrl).host}`;
    expect(event).toMatchObject({
      UID: uid,
      SEQUENCE: '2',
      DTSTART: '20261205T070000Z',
      DTEND: '20261205T110000Z',
      STATUS: 'CONFIRMED',
    });
    expect(unescapeIcs(event?.SUMMARY ?? '')).toBe(`Planlagt vannstans: ${title}`);
    expect(unescapeIcs(event?.DESCRIPTION ?? '')).toBe(body);
    // The long Norwegian text was folded (and never inside a character: the lines are valid UTF-8).
    expect(first.text).toContain('\r\n ');

    expect(
      (await admin.request('PUT', `${base}/${publishedId}`, { expectedEndAt: '2026-12-05T13:00:00.000Z' }))
        .status,
    ).toBe(200);
    const after = parseIcs((await t.request('GET', '/porsgrunn/driftsmeldinger.ics')).text);
    expect(after.events).toHaveLength(1);
    expect(after.events[0]).toMatchObject({ UID: uid, SEQUENCE: '3', DTEND: '20261205T130000Z' });
  });

  it('serves GeoJSON: a FeatureCollection of MultiPolygons in WGS84, without drafts or staff', async () => {
    const res = await t.request('GET', '/porsgrunn/driftsmeldinger.geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const collection = JSON.parse(res.text);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f: { id: string }) => f.id)).toEqual([publishedId]);
    const [feature] = collection.features;
    expect(feature.type).toBe('Feature');
    expect(feature.geometry.type).toBe('MultiPolygon');
    for (const polygon of feature.geometry.coordinates) {
      for (const ring of polygon) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
        for (const [lon, lat] of ring) {
          expect(lon).toBeGreaterThan(9.6);
          expect(lon).toBeLessThan(9.7);
          expect(lat).toBeGreaterThan(59.1);
          expect(lat).toBeLessThan(59.2);
        }
      }
    }
    expect(feature.properties).toMatchObject({ type: 'planned_shutoff', status: 'published', title });
    expect(JSON.stringify(collection)).not.toMatch(/changedBy|kommune\.test/);
  });

  it('answers 404 for an unknown site, and the feeds are there by kommunenummer too', async () => {
    expect((await t.request('GET', '/ingen-slik/driftsmeldinger.rss')).status).toBe(404);
    expect((await t.request('GET', '/4001/driftsmeldinger.geojson')).status).toBe(200);
  });

  it('answers 410 for a municipality switched off, like its pages', async () => {
    await t.ctx.db.db
      .update(municipalities)
      .set({ enabled: false })
      .where(eq(municipalities.kommunenummer, '4001'));
    try {
      expect((await t.request('GET', '/porsgrunn/driftsmeldinger.ics')).status).toBe(410);
      expect((await t.request('GET', '/api/v1/municipalities/4001/notices')).status).toBe(410);
    } finally {
      await t.ctx.db.db
        .update(municipalities)
        .set({ enabled: true })
        .where(eq(municipalities.kommunenummer, '4001'));
    }
  });
});
