import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { chooseLogFormat, logDestination, prettyLine } from './log-format.ts';
import { logSerializers } from './logging.ts';

function capture(isTTY: boolean) {
  const lines: string[] = [];
  return { lines, out: { isTTY, write: (text: string) => lines.push(text) } };
}

describe('the log format', () => {
  it('is pretty on a terminal and JSON otherwise, unless LOG_FORMAT says which', () => {
    const format = (env: Record<string, string>, tty: boolean) =>
      chooseLogFormat(loadConfig({ DATA_DIR: '/tmp/x', ...env }).logFormat, tty);
    expect(format({}, true)).toBe('pretty');
    expect(format({}, false)).toBe('json');
    expect(format({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(format({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it('writes pino JSON lines unchanged for machines', () => {
    const { lines, out } = capture(false);
    pino({ serializers: logSerializers }, logDestination('json', out)).info({ n: 1 }, 'hello');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 30, msg: 'hello', n: 1 });
  });

  it('writes one readable line per entry for people, with fields and an error stack', () => {
    const { lines, out } = capture(false);
    const log = pino({ serializers: logSerializers }, logDestination('pretty', out));
    log.info({ url: 'http://127.0.0.1:8080', startupMs: 812 }, 'Meldepunkt is ready');
    log.error({ err: new Error('boom') }, 'job failed');
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d INFO {2}Meldepunkt is ready url=http:\/\/127\.0\.0\.1:8080 startupMs=812\n$/,
    );
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d ERROR job failed\n {4}Error: boom\n {4}at /);
    expect(lines.join('')).not.toContain('"level"');
  });

  it('shows a request as method, address, status and time, with secrets still blanked', () => {
    const line = prettyLine(
      JSON.stringify({
        level: 30,
        time: 0,
        msg: 'request completed',
        req: { method: 'GET', url: '/porsgrunn/meldinger/x?token=REDACTED' },
        res: { statusCode: 200 },
        responseTime: 12.4,
      }),
    );
    expect(line).toContain('INFO  GET /porsgrunn/meldinger/x?token=REDACTED request completed 200 12 ms');
  });

  it('colours only when writing to a terminal', () => {
    const tty = capture(true);
    logDestination('pretty', tty.out).write(JSON.stringify({ level: 40, time: 0, msg: 'careful' }));
    expect(tty.lines[0]).toContain('\u001b[33mWARN');
  });
});
