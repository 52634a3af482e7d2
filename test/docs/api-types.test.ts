// The staff SPA's API types are generated from the OpenAPI document (scripts/api-types.ts,
// docs/decisions/0014-spa-types-from-openapi.md). This regenerates the document, the types and the
// value lists in memory and fails when the checked-in files differ: a server schema changed
// without `npm run api:types`, or a generated file was edited by hand.
import { describe, expect, it } from 'vitest';
import { type ApiFile, generateApiFiles, readApiFiles } from '../../scripts/api-types.ts';

describe('the staff SPA API types', () => {
  it('are those generated from the OpenAPI document the server publishes', { timeout: 180_000 }, async () => {
    const [generated, checkedIn] = await Promise.all([generateApiFiles(), readApiFiles()]);
    const stale = (Object.keys(generated) as ApiFile[]).filter((name) => generated[name] !== checkedIn[name]);
    expect(
      stale,
      `admin/src/api/{${stale.join(',')}} differ from what the server's OpenAPI document gives: run \`npm run api:types\` and commit the result`,
    ).toEqual([]);
  });

  it('carry the server value lists, in its order', async () => {
    const enums = await import('../../admin/src/api/enums.ts');
    const server = await import('../../src/modules/reports/statuses.ts');
    expect(enums.REPORT_STATUSES).toEqual(server.REPORT_STATUSES);
    expect(enums.HISTORY_KINDS).toEqual(server.REPORT_EVENT_KINDS);
    expect(enums.REPORT_CHANNELS).toEqual(server.CHANNELS);
    expect(enums.PRIORITIES).toEqual(server.PRIORITIES);
  });
});
