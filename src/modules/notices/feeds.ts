// A municipality's notices as feeds: RSS 2.0, Atom (RFC 4287), iCalendar (RFC 5545) and GeoJSON
// (RFC 7946). Pure functions of the public notices; the routes only fetch and send.
import type { Language } from '../../shared/language.ts';
import type { PublicNotice } from './list-public-notices.ts';
import { FEED_TITLE, NOTICE_TYPE_LABELS } from './notice-messages.ts';

export interface FeedContext {
  /** https://meldepunkt.example.no, no trailing slash. */
  publicUrl: string;
  slug: string;
  municipalityName: string;
  language: Language;
  /** When the feed was made: the newest change, or now when there are no notices. */
  updated: Date;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

function listUrl(feed: FeedContext): string {
  return `${feed.publicUrl}/${feed.slug}/driftsmeldinger`;
}

function noticeUrl(feed: FeedContext, notice: PublicNotice): string {
  return `${listUrl(feed)}/${notice.id}`;
}

function feedTitle(feed: FeedContext): string {
  return `${FEED_TITLE[feed.language]} – ${feed.municipalityName}`;
}

function itemTitle(feed: FeedContext, notice: PublicNotice): string {
  return `${NOTICE_TYPE_LABELS[notice.lifted ? 'boil_water_lifted' : notice.type][feed.language]}: ${notice.title}`;
}

export function host(publicUrl: string): string {
  return new URL(publicUrl).host;
}

export function renderRss(feed: FeedContext, items: PublicNotice[]): string {
  const entries = items.map(
    (notice) => `    <item>
      <title>${escapeXml(itemTitle(feed, notice))}</title>
      <link>${escapeXml(noticeUrl(feed, notice))}</link>
      <description>${escapeXml(notice.body)}</description>
      <category>${escapeXml(notice.type)}</category>
      <guid isPermaLink="false">notice-${notice.id}@${escapeXml(host(feed.publicUrl))}</guid>
      <pubDate>${new Date(notice.updatedAt).toUTCString()}</pubDate>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(feedTitle(feed))}</title>
    <link>${escapeXml(listUrl(feed))}</link>
    <description>${escapeXml(feedTitle(feed))}</description>
    <language>${feed.language === 'en' ? 'en' : `${feed.language}-NO`}</language>
    <lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(`${listUrl(feed)}.rss`)}" rel="self" type="application/rss+xml"/>
${entries.join('\n')}
  </channel>
</rss>
`;
}

export function renderAtom(feed: FeedContext, items: PublicNotice[]): string {
  const entries = items.map(
    (notice) => `  <entry>
    <id>urn:uuid:${notice.id}</id>
    <title>${escapeXml(itemTitle(feed, notice))}</title>
    <updated>${notice.updatedAt}</updated>
    <link rel="alternate" type="text/html" href="${escapeXml(noticeUrl(feed, notice))}"/>
    <category term="${escapeXml(notice.type)}"/>
    <content type="text">${escapeXml(notice.body)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">
  <id>${escapeXml(`${listUrl(feed)}.atom`)}</id>
  <title>${escapeXml(feedTitle(feed))}</title>
  <updated>${feed.updated.toISOString()}</updated>
  <author><name>${escapeXml(feed.municipalityName)}</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${listUrl(feed)}.atom`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(listUrl(feed))}"/>
${entries.join('\n')}
</feed>
`;
}

/** RFC 5545 §3.3.10: backslash, semicolon, comma and line breaks escaped in TEXT values. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets folded (CRLF + space), never inside a character. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; each continuation line starts with a space, so 74 more.
    const room = parts.length === 0 ? 75 : 74;
    if (octets + size > room) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function icsDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * One VEVENT per notice, UID `notice-<id>@<host>` for good, SEQUENCE its version. The end is when
 * it ended, else when it is expected to; an open-ended notice shows as one day from its start.
 * One that ended before it started was called off (STATUS:CANCELLED).
 */
export function renderIcs(feed: FeedContext, items: PublicNotice[]): string {
  const uidHost = host(feed.publicUrl);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Meldepunkt//Driftsmeldinger//NO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(feedTitle(feed))}`,
  ];
  for (const notice of items) {
    const start = new Date(notice.startsAt);
    const endAt = notice.endedAt ?? notice.expectedEndAt;
    const end = endAt ? new Date(endAt) : new Date(start.getTime() + DAY);
    const cancelled = end.getTime() <= start.getTime();
    const [[first] = []] = notice.areas.coordinates;
    const centre = centreOf(first ?? []);
    lines.push(
      'BEGIN:VEVENT',
      `UID:notice-${notice.id}@${uidHost}`,
      `DTSTAMP:${icsDate(new Date(notice.updatedAt))}`,
      `LAST-MODIFIED:${icsDate(new Date(notice.updatedAt))}`,
      `SEQUENCE:${notice.version}`,
      `DTSTART:${icsDate(start)}`,
      `DTEND:${icsDate(cancelled ? new Date(start.getTime() + HOUR) : end)}`,
      `SUMMARY:${escapeIcsText(itemTitle(feed, notice))}`,
      `DESCRIPTION:${escapeIcsText(notice.body)}`,
      `CATEGORIES:${escapeIcsText(notice.type)}`,
      `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `URL:${noticeUrl(feed, notice)}`,
      ...(centre ? [`GEO:${centre.lat.toFixed(6)};${centre.lon.toFixed(6)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

/** The mean of a ring's vertices (the closing one left out): a point for calendars' maps. */
function centreOf(ring: number[][]): { lat: number; lon: number } | undefined {
  const vertices = ring.slice(0, -1);
  if (vertices.length === 0) return undefined;
  let lat = 0;
  let lon = 0;
  for (const [x = 0, y = 0] of vertices) {
    lon += x;
    lat += y;
  }
  return { lat: lat / vertices.length, lon: lon / vertices.length };
}

export function renderGeoJson(items: PublicNotice[]) {
  return {
    type: 'FeatureCollection' as const,
    features: items.map(({ areas, id, ...properties }) => ({
      type: 'Feature' as const,
      id,
      geometry: areas,
      properties: { id, ...properties },
    })),
  };
}
