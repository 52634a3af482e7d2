// The bench's local SMTP server, in a process of its own (forked by bench/notifications.ts), so
// the product's process is measured alone: its CPU and its memory. It accepts every message, counts
// Message-IDs without parsing the rest, and reports over IPC: `ready` with its port, then
// `progress` (throttled) and, when asked, `final` with the time the last new Message-ID arrived.
import { SMTPServer } from 'smtp-server';

interface Counts {
  unique: number;
  total: number;
  duplicates: number;
  /** Date.now() when the last new Message-ID arrived. */
  lastNewAt: number;
}

const seen = new Map<string, number>();
const counts: Counts = { unique: 0, total: 0, duplicates: 0, lastNewAt: 0 };
/** A progress report is due within 20 ms: reports are throttled, not one per message. */
let reportDue = false;

function report(type: 'progress' | 'final'): void {
  process.send?.({ type, ...counts });
}

const server = new SMTPServer({
  authOptional: true,
  hideSTARTTLS: true,
  disableReverseLookup: true,
  logger: false,
  closeTimeout: 200,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 8192) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '';
      const before = seen.get(id) ?? 0;
      seen.set(id, before + 1);
      counts.total++;
      if (before === 0) {
        counts.unique++;
        counts.lastNewAt = Date.now();
      } else {
        counts.duplicates++;
      }
      if (!reportDue) {
        reportDue = true;
        setTimeout(() => {
          reportDue = false;
          report('progress');
        }, 20);
      }
      callback();
    });
  },
});

process.on('message', (message: unknown) => {
  if (message === 'final') report('final');
  if (message === 'stop') server.close(() => process.exit(0));
});
process.on('disconnect', () => server.close(() => process.exit(0)));

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.send?.({ type: 'ready', port: address && typeof address === 'object' ? address.port : 0 });
});
