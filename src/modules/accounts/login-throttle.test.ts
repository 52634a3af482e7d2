import { describe, expect, it } from 'vitest';
import {
  ADDRESS_MAX_FAILURES,
  LOCK_MINUTES,
  MAX_DELAY_SECONDS,
  progressiveDelaySeconds,
  type ThrottleRow,
  throttleRules,
  waitSeconds,
  withFailure,
} from './login-throttle.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 5, 8, 0, 0) + seconds * 1000);
const fresh = (now: Date): ThrottleRow => ({
  failures: 0,
  windowStartedAt: now,
  lastFailureAt: null,
  lockedUntil: null,
});

describe('login throttle', () => {
  it('waits 2^(n-3) s after the n-th failure of a client for an address, never more than 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 12, 13, 40].map(progressiveDelaySeconds)).toEqual([
      0, 0, 1, 2, 4, 8, 512, 900, 900,
    ]);
    expect(MAX_DELAY_SECONDS).toBe(15 * 60);
  });

  it('keys each attempt by address and client, by address, and by client', () => {
    expect(throttleRules(' Kari@Kommune.NO ', '10.0.0.1').map((r) => r.key)).toEqual([
      'pair:kari@kommune.no|10.0.0.1',
      'email:kari@kommune.no',
      'client:10.0.0.1',
    ]);
  });

  it('starts a client’s count over after an hour without failures', () => {
    const [pair] = throttleRules('a@b.no', 'c');
    if (!pair) throw new Error('no rule');
    let row = fresh(at(0));
    for (let i = 0; i < 4; i++) row = withFailure(pair, row, at(i * 10));
    expect(row.failures).toBe(4);
    expect(waitSeconds(row, at(30))).toBe(2);
    expect(waitSeconds(row, at(33))).toBe(0);
    expect(withFailure(pair, row, at(30 + 59 * 60)).failures).toBe(5);
    expect(withFailure(pair, row, at(30 + 61 * 60))).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('locks an address for 15 minutes at 100 failures within an hour, from anywhere', () => {
    const [, address] = throttleRules('a@b.no', 'c');
    if (!address) throw new Error('no rule');
    let row = fresh(at(0));
    for (let i = 0; i < ADDRESS_MAX_FAILURES - 1; i++) row = withFailure(address, row, at(i));
    expect(row.lockedUntil).toBeNull();
    row = withFailure(address, row, at(100));
    expect(waitSeconds(row, at(100))).toBe(LOCK_MINUTES * 60);
    // A new hour is a new window.
    expect(withFailure(address, { ...row, lockedUntil: null }, at(3700)).failures).toBe(1);
  });
});
