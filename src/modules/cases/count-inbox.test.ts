import { describe, expect, it } from 'vitest';
import { countsByIndex, roughly } from './count-inbox.ts';
import type { InboxFilter } from './inbox-filters.ts';

const K = { kommunenummer: '4001' };
const TEAM = '11111111-1111-4111-8111-111111111111';
const PERSON = '22222222-2222-4222-8222-222222222222';

describe('roughly', () => {
  it('keeps two significant digits of an estimate, and small ones as they are', () => {
    expect([0, 7, 99, 100, 398, 3947, 31_234, 102_546].map(roughly)).toEqual([
      0, 7, 99, 100, 400, 3900, 31_000, 100_000,
    ]);
  });
});

describe('countsByIndex', () => {
  it('counts each status by index for no filter, one of team, person, category or group, and dates', () => {
    const byIndex: InboxFilter[] = [
      K,
      { ...K, teamId: TEAM },
      { ...K, teamId: null, from: '2025-01-01' },
      { ...K, assigneeId: PERSON, to: '2025-01-01' },
      { ...K, categoryId: TEAM, groupId: PERSON },
      { ...K, channels: [] },
    ];
    for (const filter of byIndex) expect(countsByIndex(filter), JSON.stringify(filter)).toBe(true);
  });

  it('reads the matches once for free text, channel, acute, overdue or two leading filters', () => {
    const once: InboxFilter[] = [
      { ...K, text: { kind: 'words', tsquery: "'sluk':*" } },
      { ...K, text: { kind: 'refs', refs: ['4001-2026-00001'] } },
      { ...K, channels: ['web'] },
      { ...K, acute: true },
      { ...K, overdue: true },
      { ...K, teamId: TEAM, assigneeId: PERSON },
      { ...K, assigneeId: null, categoryId: TEAM },
    ];
    for (const filter of once) expect(countsByIndex(filter), JSON.stringify(filter)).toBe(false);
  });
});
