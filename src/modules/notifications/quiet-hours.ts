// No SMS at night: a message created inside a municipality's quiet hours (Oslo time, default
// 21–08) waits until they end. Acute reports are the exception; the relay does not ask then.
const osloHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  hourCycle: 'h23',
});

function hourInOslo(at: Date): number {
  return Number(osloHour.format(at));
}

export function isQuiet(hour: number, from: number, until: number): boolean {
  if (from === until) return false;
  return from > until ? hour >= from || hour < until : hour >= from && hour < until;
}

/** When the SMS may go: `now` outside quiet hours, else the next time the Oslo clock reads `until`:00. */
export function smsSendAfter(now: Date, quiet: { from: number; until: number }): Date {
  if (!isQuiet(hourInOslo(now), quiet.from, quiet.until)) return now;
  // Oslo's offset from UTC is always whole hours, so whole UTC hours are whole Oslo hours.
  const candidate = new Date(now);
  candidate.setUTCMinutes(0, 0, 0);
  for (let i = 0; i < 48; i++) {
    candidate.setUTCHours(candidate.getUTCHours() + 1);
    if (hourInOslo(candidate) === quiet.until) return candidate;
  }
  return now;
}
