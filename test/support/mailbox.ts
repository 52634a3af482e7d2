// Reading links out of the mails the SMTP test server received (see smtp-server.ts).
import type { TestSmtpServer } from './smtp-server.ts';

/**
 * The token of the `nth` link to `path` (e.g. /admin/invitation) in the mails to `recipient`,
 * waiting for the mail to arrive (up to 20 s).
 */
export async function tokenFromMail(
  smtp: TestSmtpServer,
  recipient: string,
  path: string,
  nth = 0,
): Promise<string> {
  const pattern = new RegExp(`${path.replace(/[/.]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const tokens = smtp.mails
      .filter((m) => m.envelopeTo.includes(recipient))
      .map((m) => pattern.exec(m.parsed.text ?? '')?.[1])
      .filter((token): token is string => Boolean(token));
    const token = tokens[nth];
    if (token) return token;
    if (Date.now() > deadline) throw new Error(`no mail to ${recipient} with a link to ${path} (#${nth})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The mails to `recipient` received so far. */
export function mailsTo(smtp: TestSmtpServer, recipient: string) {
  return smtp.mails.filter((m) => m.envelopeTo.includes(recipient));
}
