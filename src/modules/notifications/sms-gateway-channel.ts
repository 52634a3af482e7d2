// SMS through an HTTP gateway. Norwegian providers (Link Mobility, Sveve, PSWinCom…) take a JSON
// POST much like this one; a small proxy or a fork of this file adapts the field names. The shape
// is in docs/notifications.md:
//   POST SMS_GATEWAY_URL  Authorization: Bearer SMS_GATEWAY_TOKEN
//   { sender, recipient, text, reference, callbackUrl }  →  2xx { id }
// `reference` is our message id: gateways that deduplicate on it drop a resend after a crash.
import {
  type MessageChannelAdapter,
  type OutgoingMessage,
  PermanentError,
  TransientError,
} from './channels.ts';

export interface SmsGatewayOptions {
  url: string;
  token: string | undefined;
  sender: string;
  /** Where the gateway posts delivery reports (with the shared token), or undefined for none. */
  callbackUrl: string | undefined;
  timeoutMs?: number;
  /** Requests in flight at once (default 10): a batch of 100 does not become 100 requests at once. */
  maxConcurrent?: number;
}

export function createSmsGatewayChannel(options: SmsGatewayOptions): MessageChannelAdapter {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const slot = concurrencyLimit(options.maxConcurrent ?? 10);
  return {
    send: (message) => slot(() => post(options, timeoutMs, message)),
  };
}

/** Runs at most `max` of the given tasks at a time; the others wait their turn, first come first served. */
function concurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

async function post(
  options: SmsGatewayOptions,
  timeoutMs: number,
  message: OutgoingMessage,
): Promise<{ providerId: string }> {
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({
        sender: options.sender,
        recipient: message.recipient,
        text: message.bodyText,
        reference: message.id,
        ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // Timeout, refused connection, DNS: the gateway may take it next time.
    throw new TransientError(`SMS gateway unreachable: ${(error as Error).message}`);
  }
  const text = await response.text().catch(() => '');
  if (response.status >= 200 && response.status < 300) {
    return { providerId: providerIdOf(text) ?? message.id };
  }
  const detail = `SMS gateway answered ${response.status}: ${text.slice(0, 300)}`;
  // 408 and 429 say "later", not "never".
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    throw new PermanentError(detail);
  }
  throw new TransientError(detail);
}

/** Providers call it id, messageId or reference; any of them will do. */
function providerIdOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    for (const key of ['id', 'messageId', 'message_id']) {
      const value = parsed[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  } catch {
    // Not JSON: the message id (our reference) is what delivery reports will name.
  }
  return undefined;
}
