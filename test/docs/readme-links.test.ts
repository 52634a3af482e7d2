// The README's addresses in the back office lead somewhere (issue 11, item 14: it sent people to
// /admin/outbox, a "not found" page; the outbox is /admin/m/4001/outbox). Reads the staff SPA's
// route table (admin/src/router.tsx) as written, so a page moved there fails here until the
// README follows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROUTER = new URL('../../admin/src/router.tsx', import.meta.url);
const README = new URL('../../README.md', import.meta.url);

/**
 * Every route's full address (under /admin), from the nested `{ path: '…', children: [...] }`
 * objects: each brace opens or closes a route object, and a path belongs to the innermost open
 * one. (The TypeScript in use, 7, has no compiler API to read the file with.)
 */
function routePatterns(): string[][] {
  const text = readFileSync(ROUTER, 'utf8').replace(/\/\/[^\n]*/g, '');
  const open: (string | undefined)[] = [];
  const patterns: string[][] = [];
  for (const token of text.matchAll(/[{}]|path: '([^']*)'/g)) {
    if (token[0] === '{') open.push(undefined);
    else if (token[0] === '}') open.pop();
    else {
      open[open.length - 1] = token[1] ?? '';
      const full = open.flatMap((p) => (p ? p.split('/').filter(Boolean) : []));
      if (!full.includes('*')) patterns.push(full);
    }
  }
  return patterns;
}

/** "/admin/m/4001/outbox" or "/admin/m/<kommunenummer>/outbox": the segments after /admin. */
function readmeAdminPaths(): string[] {
  const text = readFileSync(README, 'utf8');
  // An address of its own: after a backtick, a bracket, a space or the server's origin.
  const found = [...text.matchAll(/(?:[`(\s]|:8080)(\/admin(?:\/(?:<\w+>|\{\w+\}|[\w-]+))*)/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set(found)];
}

function matches(segments: string[], pattern: string[]): boolean {
  return (
    segments.length === pattern.length &&
    pattern.every((p, i) => p.startsWith(':') || p === segments[i] || /^[<{].*[>}]$/.test(segments[i] ?? ''))
  );
}

describe('the README’s back-office addresses', () => {
  it('each is a page of the staff app', () => {
    const patterns = routePatterns();
    expect(patterns.length).toBeGreaterThan(10);
    expect(patterns).toContainEqual(['m', ':kommunenummer', 'outbox']);
    const paths = readmeAdminPaths();
    expect(paths).toContain('/admin/m/4001/outbox');
    const lost = paths.filter((path) => {
      const segments = path.split('/').filter(Boolean).slice(1);
      // /admin itself opens the app (it goes on to the inbox).
      return segments.length > 0 && !patterns.some((pattern) => matches(segments, pattern));
    });
    expect(lost, 'README addresses that are no page of the staff app').toEqual([]);
  });
});
