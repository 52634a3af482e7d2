import { describe, expect, it } from 'vitest';
import { circlePolygon, normalizeAreas } from './areas.ts';
import { escapeIcsText, escapeXml, foldIcsLine } from './feeds.ts';

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks (RFC 5545 §3.3.10)', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets, never inside a multi-byte character, and unfolds to the same line', () => {
    const line = `DESCRIPTION:${'å'.repeat(100)}x${'😀'.repeat(30)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldIcsLine('SHORT:line')).toBe('SHORT:line');
  });
});

describe('XML text', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });
});

describe('notice areas', () => {
  it('makes a closed, counterclockwise 64-vertex circle at the radius', () => {
    const [ring = []] = circlePolygon({ lat: 59.14, lon: 9.66 }, 1000);
    expect(ring).toHaveLength(65);
    expect(ring[0]).toEqual(ring[64]);
    for (const [lon = 0, lat = 0] of ring) {
      const dLat = ((lat - 59.14) * Math.PI) / 180;
      const dLon = (((lon - 9.66) * Math.PI) / 180) * Math.cos((59.14 * Math.PI) / 180);
      expect(Math.hypot(dLat, dLon) * 6_371_008.8).toBeCloseTo(1000, -1);
    }
    const result = normalizeAreas({ type: 'Circle', center: { lat: 59.14, lon: 9.66 }, radiusMetres: 1000 });
    expect(result.ok && result.value.areas.coordinates[0]?.[0]).toEqual(ring);
  });

  it('turns holes clockwise and refuses a ring without area', () => {
    const outer = [
      [9.6, 59.1],
      [9.7, 59.1],
      [9.7, 59.2],
      [9.6, 59.2],
      [9.6, 59.1],
    ];
    const hole = [
      [9.62, 59.12],
      [9.68, 59.12],
      [9.68, 59.18],
      [9.62, 59.18],
      [9.62, 59.12],
    ];
    const result = normalizeAreas({ type: 'Polygon', coordinates: [outer, hole] });
    expect(result.ok && result.value.areas.coordinates[0]).toEqual([outer, [...hole].reverse()]);
    const flat = normalizeAreas({
      type: 'Polygon',
      coordinates: [
        [
          [9.6, 59.1],
          [9.7, 59.1],
          [9.8, 59.1],
          [9.6, 59.1],
        ],
      ],
    });
    expect(flat.ok ? [] : flat.errors.map((e) => e.code)).toEqual(['ring_without_area']);
  });
});
