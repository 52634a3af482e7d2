// The statistics CSV opens in a spreadsheet: a group name an administrator typed that starts like
// a formula (= + - @) must arrive as text, not run.
import { describe, expect, it } from 'vitest';
import { statisticsCsv } from './statistics-routes.ts';

describe('the statistics CSV', () => {
  it('keeps a group name that looks like a formula as text', () => {
    const csv = statisticsCsv(
      {
        range: { from: '2026-01-01', to: '2026-01-31' },
        computedAt: new Date('2026-01-31T12:00:00Z'),
        series: [
          {
            id: 'g1',
            code: 'vann',
            name: { nb: '=HYPERLINK("https://example.invalid";"Vann")' },
            months: [
              {
                month: '2026-01',
                received: 2,
                medianHoursToFirstReply: 3,
                medianHoursToDone: 30,
                shareDoneWithinDeadline: 0.5,
              },
            ],
          },
        ],
      },
      'nb',
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""https://example.invalid"";""Vann"")";2026-01;2;3,0;30,0;0,500`);
  });
});
