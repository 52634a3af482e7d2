// One interface for every way a message leaves Meldepunkt. The sender only needs to know whether
// a failure is worth retrying: a TransientError (server down, timeout, 4xx SMTP reply, 5xx from
// the gateway) is retried with backoff; a PermanentError (address refused, 4xx from the gateway)
// never is, and the message shows in the admin's failed list with the reason.
import type { MessageChannel } from './schema.ts';

export interface OutgoingMessage {
  /** The messages row id: the email's Message-ID and the SMS gateway's `reference`, so a resend is recognisable. */
  id: string;
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  /** Shown as the sender's name (the municipality). */
  senderName: string;
  /** The municipality's contact address, for replies. */
  replyTo: string | null;
  /**
   * The one-click stop link (List-Unsubscribe), for messages to residents about a report. Absent
   * for staff alerts and password resets: stopping would act on a resident's report contact.
   */
  stopUrl?: string | undefined;
}

export interface MessageChannelAdapter {
  send(message: OutgoingMessage): Promise<{ providerId?: string | undefined }>;
  close?(): void;
}

/** Worth trying again later. */
export class TransientError extends Error {
  override name = 'TransientError';
}

/** Will fail the same way every time: do not retry. */
export class PermanentError extends Error {
  override name = 'PermanentError';
}
