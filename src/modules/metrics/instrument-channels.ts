// Counts what each channel does, as it happens: wraps a channel's send so every accepted message
// and every failed try is counted by channel. Wrapping the channels keeps the sender (send-message.ts)
// free of metrics. A failure is 'permanent' when the channel says so (the message is not tried
// again), else 'transient' (tried again later, unless it was the last try).
import { type MessageChannelAdapter, PermanentError } from '../notifications/channels.ts';
import type { MessageChannel } from '../notifications/schema.ts';
import type { Metrics } from './metrics.ts';

export function instrumentChannels(
  channels: Partial<Record<MessageChannel, MessageChannelAdapter>>,
  metrics: Metrics | undefined,
): Partial<Record<MessageChannel, MessageChannelAdapter>> {
  if (!metrics) return channels;
  const counted: Partial<Record<MessageChannel, MessageChannelAdapter>> = {};
  for (const [name, channel] of Object.entries(channels) as [MessageChannel, MessageChannelAdapter][]) {
    // Present from the start at 0, so the first message sent shows as a rise, not a new series.
    metrics.messagesSent.inc({ channel: name }, 0);
    metrics.messageSendErrors.inc({ channel: name, kind: 'transient' }, 0);
    metrics.messageSendErrors.inc({ channel: name, kind: 'permanent' }, 0);
    counted[name] = {
      async send(message) {
        try {
          const sent = await channel.send(message);
          metrics.messagesSent.inc({ channel: name });
          return sent;
        } catch (error) {
          const kind = error instanceof PermanentError ? 'permanent' : 'transient';
          metrics.messageSendErrors.inc({ channel: name, kind });
          throw error;
        }
      },
      close: channel.close ? () => channel.close?.() : undefined,
    };
  }
  return counted;
}
