// A real SMTP server for tests (smtp-server), on 127.0.0.1, that keeps every message it accepts,
// parsed with mailparser. It can refuse chosen recipients (550) and be stopped and started again
// on the same port, to play a mail server outage.
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  readonly port: number;
  /** smtp://127.0.0.1:port */
  readonly url: string;
  readonly mails: ReceivedMail[];
  /** Recipients answered with 550 (lower case). */
  readonly refused: Set<string>;
  /** How many times each Message-ID arrived. */
  countByMessageId(): Map<string, number>;
  /** Waits until at least `count` mails have arrived. */
  waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  start(): Promise<void>;
}

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const refused = new Set<string>();
  let server: SMTPServer | undefined;
  let boundPort = port;

  function create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      // The test talks plain SMTP on loopback; the channel itself upgrades whenever it is offered.
      hideSTARTTLS: true,
      disableReverseLookup: true,
      closeTimeout: 200,
      logger: false,
      size: 1024 * 1024,
      onRcptTo(address, _session, callback) {
        if (refused.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 });
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            mails.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  async function listen(): Promise<void> {
    server = create();
    const current = server;
    await new Promise<void>((resolve, reject) => {
      current.once('error', reject);
      current.listen(boundPort, '127.0.0.1', () => {
        current.off('error', reject);
        resolve();
      });
    });
    current.on('error', () => {});
    const address = current.server.address();
    if (address && typeof address === 'object') boundPort = address.port;
  }

  await listen();
  return {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    mails,
    refused,
    countByMessageId() {
      const counts = new Map<string, number>();
      for (const mail of mails) {
        const id = mail.parsed.messageId ?? '';
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    },
    async waitForMails(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mails;
    },
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    start: listen,
  };
}
