// Every regular expression the server or the back office runs is checked for catastrophic
// backtracking (ReDoS): one request with a crafted string must not hold the event loop for
// seconds. The checker is recheck (makenowjust-labs), which decides by automata theory where it
// can and otherwise fuzzes with a fixed seed, finds polynomial as well as exponential blow-ups,
// and runs offline: its Linux binary comes as an npm package, with a pure JavaScript fallback.
// Test files and test helpers are left out: they only ever run on the tests' own output.
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { type FoundRegex, regexesIn, sourceFiles } from '../../test/support/regex-literals.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IS_TEST_CODE = /(\.test\.tsx?$|test-support|test-client|test-provider)/;

function productionRegexes(): FoundRegex[] {
  return [...sourceFiles(ROOT, 'src'), ...sourceFiles(ROOT, 'admin/src')]
    .filter((file) => !IS_TEST_CODE.test(file))
    .flatMap((file) => regexesIn(ROOT, file));
}

describe('regular expressions in src/ and admin/src/', () => {
  const found = productionRegexes();

  it('are found (the scan itself works)', () => {
    // A sample that must be among them, and a sane count.
    expect(found.some((r) => r.file.endsWith('contact.ts') && r.source === '^\\d{8}$')).toBe(true);
    expect(found.length).toBeGreaterThan(50);
  });

  it('are constant, so that they can be checked', () => {
    const dynamic = found.filter((r) => r.source === undefined).map((r) => `${r.file}:${r.line} ${r.text}`);
    expect(dynamic).toEqual([]);
  });

  it('cannot backtrack catastrophically', { timeout: 300_000 }, () => {
    const problems: string[] = [];
    for (const regex of found) {
      if (regex.source === undefined) continue;
      const result = checkSync(regex.source, regex.flags, { timeout: 20_000, randomSeed: 1 });
      if (result.status === 'safe') continue;
      const why =
        result.status === 'vulnerable'
          ? `${result.complexity.type}, e.g. ${result.attack.pattern}`
          : `could not be decided (${result.error.kind})`;
      problems.push(`${regex.file}:${regex.line} /${regex.source}/${regex.flags}: ${why}`);
    }
    expect(problems).toEqual([]);
  });
});
