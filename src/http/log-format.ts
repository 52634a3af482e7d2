// Log lines for whoever reads them: pino's JSON lines for machines (a log collector, a pipe, a
// file), and short coloured lines when a person watches the terminal. JSON unless stdout is a
// terminal; LOG_FORMAT=json|pretty decides otherwise. The pretty lines are made from the same
// JSON line pino wrote, after its serializers ran, so they hide exactly what the JSON hides.
import type { DestinationStream } from 'pino';
import type { LogFormat } from '../config.ts';

export function chooseLogFormat(configured: LogFormat | undefined, isTTY: boolean | undefined): LogFormat {
  return configured ?? (isTTY ? 'pretty' : 'json');
}

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Where a logger writes: `out` itself for JSON, a formatter in front of it for pretty lines. */
export function logDestination(format: LogFormat, out: Output = process.stdout): DestinationStream {
  if (format === 'json') return { write: (line: string) => void out.write(line) };
  const colors = out.isTTY === true && !process.env.NO_COLOR;
  return { write: (line: string) => void out.write(prettyLine(line, colors)) };
}

const LEVELS: Record<number, { name: string; color: number }> = {
  10: { name: 'TRACE', color: 90 },
  20: { name: 'DEBUG', color: 36 },
  30: { name: 'INFO ', color: 32 },
  40: { name: 'WARN ', color: 33 },
  50: { name: 'ERROR', color: 31 },
  60: { name: 'FATAL', color: 35 },
};

/** Fields every line has, or that the line's first part shows already. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'req', 'res', 'responseTime', 'err']);

function paint(text: string, code: number, colors: boolean): string {
  return colors ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function value(v: unknown): string {
  if (typeof v === 'string') return /^[^\s"=]+$/.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v) ?? String(v);
}

function clock(time: unknown): string {
  const date = typeof time === 'number' ? new Date(time) : new Date();
  return date.toTimeString().slice(0, 8);
}

/** One JSON log line as one readable line (a logged error's stack follows, indented). */
export function prettyLine(line: string, colors = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const level = LEVELS[Number(entry.level)] ?? { name: String(entry.level).padEnd(5), color: 0 };
  const parts = [paint(clock(entry.time), 90, colors), paint(level.name, level.color, colors)];
  const req = entry.req as { method?: string; url?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  if (req?.method) parts.push(`${req.method} ${req.url ?? ''}`);
  if (typeof entry.msg === 'string') parts.push(entry.msg);
  if (res?.statusCode) parts.push(String(res.statusCode));
  if (typeof entry.responseTime === 'number') parts.push(`${Math.round(entry.responseTime)} ms`);
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, v]) => paint(`${key}=`, 90, colors) + value(v));
  let text = [...parts, ...fields].join(' ');
  const err = entry.err as { type?: string; message?: string; stack?: string } | undefined;
  if (err) {
    const detail = err.stack || `${err.type ?? 'Error'}: ${err.message ?? ''}`;
    text += `\n${detail
      .split('\n')
      .map((l) => `    ${l.trim()}`)
      .join('\n')}`;
  }
  return `${text}\n`;
}

/** The process's log destination as the configuration and stdout decide. */
export function configuredLogDestination(config: { logFormat: LogFormat | undefined }): DestinationStream {
  return logDestination(chooseLogFormat(config.logFormat, process.stdout.isTTY));
}
