// Live inbox updates as Server-Sent Events. The policy is checked when the stream opens (the
// staff-auth hook runs before the handler), and asked again every LIVE_RECHECK_MS (30 s at most)
// with the hook's own checks: a stream ends when its session has ended or expired, or its role no
// longer allows it. Logging out in this process ends it at once (accounts/session-streams.ts). A
// session holds at most MAX_STREAMS_PER_SESSION streams. The stream only carries the small change
// notices of the worker's announcer (no personal data; see report-change-announcer.ts), for the
// URL's municipality only.
import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError } from '../../shared/errors.ts';
import { claimStreamSlot, MAX_STREAMS_PER_SESSION, type SessionStream } from '../accounts/session-streams.ts';
import { requirePolicy, sessionCookieName, staffOf, staffSession } from '../accounts/staff-auth.ts';
import { INBOX_BASE, INBOX_TAG, MunicipalityParams } from './inbox-http.ts';
import { inboxMessages } from './inbox-messages.ts';
import { createReportChangeFeed, type LiveChange } from './report-change-feed.ts';

/** Proxies and load balancers close connections that are silent for a minute or so. */
export const PING_INTERVAL_MS = 25_000;

/**
 * A screen that stops reading while its connection stays open (a frozen tab, a stalled network)
 * would have the server keep every change of its municipality for it. Past this much unsent
 * output its stream is dropped; a live browser's EventSource reconnects and reloads the list.
 */
export const MAX_UNSENT_BYTES = 256 * 1024;

function eventOf(change: LiveChange): string {
  if (change.op === 'incident') {
    const incident = { id: change.id, status: change.status, reportCount: change.reportCount };
    return `event: incident\ndata: ${JSON.stringify(incident)}\n\n`;
  }
  const data = { op: change.op, id: change.id, ref: change.ref, status: change.status };
  return `event: report\ndata: ${JSON.stringify(data)}\n\n`;
}

export const liveInboxRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const feed = createReportChangeFeed(ctx.db, app.log);
  const untrack = ctx.metrics?.trackLiveStreams(() => feed.subscriberCount());
  const cookieName = sessionCookieName(ctx.config.publicUrl);
  const open = new Set<ServerResponse>();
  // Open streams never go idle, so the server would wait for them forever on close: end them.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
    open.clear();
  });
  app.addHook('onClose', async () => {
    untrack?.();
    await feed.stop();
  });

  app.get(
    `${INBOX_BASE}/events`,
    {
      config: { policy: 'inbox.read' },
      schema: {
        tags: [INBOX_TAG],
        summary: 'Live updates: a Server-Sent Events stream of new and changed reports',
        description:
          '`event: report` with `data: {op: "insert"|"update", id, ref, status}`; `event: incident` with `data: {id, status, reportCount}` when an incident is raised or grows; a comment line every 25 s keeps the connection open. The stream ends when its session ends (logging out ends it at once) or expires, or the role no longer allows reading the inbox (checked every 30 s). At most 4 streams per session: one more is refused with 429.',
        params: MunicipalityParams,
        produces: ['text/event-stream'],
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          401: errorResponseRef,
          403: errorResponseRef,
          429: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const stream = reply.raw;
      const token = request.cookies[cookieName] ?? '';
      const { kommunenummer } = request.params;
      // Ended before the stream has started (logged out while subscribing): refused instead.
      let started = false;
      let endedEarly = false;
      const held: SessionStream = {
        userId: staffOf(request).userId,
        end: () => {
          if (started) stream.end();
          else endedEarly = true;
        },
      };
      const release = claimStreamSlot(token, held);
      if (!release) {
        throw new AppError(429, 'too_many_streams', inboxMessages.tooManyStreams(MAX_STREAMS_PER_SESSION));
      }
      let unsubscribe: () => void;
      try {
        unsubscribe = await feed.subscribe(kommunenummer, (change) => {
          if (stream.writableLength > MAX_UNSENT_BYTES) stream.destroy();
          else stream.write(eventOf(change));
        });
      } catch (error) {
        release();
        throw error;
      }
      // The client may have left while the session was checked or the feed subscribed: its
      // socket's 'close' has then been and gone, and the listeners below would never run.
      if (stream.destroyed || request.raw.socket.destroyed) {
        unsubscribe();
        release();
        request.log.info('live stream: the client left before it started');
        // Nobody is there to answer.
        reply.hijack();
        return;
      }
      if (endedEarly) {
        unsubscribe();
        release();
        throw new AppError(401, 'not_logged_in', staffMessages.notLoggedIn());
      }
      // From here the handler owns the socket: no serialiser, no compression buffering the stream.
      reply.hijack();
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        'x-request-id': request.id,
        connection: 'keep-alive',
      });
      stream.write('retry: 5000\n: connected\n\n');
      started = true;
      open.add(stream);
      const ping = setInterval(() => stream.write(': ping\n\n'), PING_INTERVAL_MS);
      let asking = false;
      const recheck = setInterval(() => {
        if (asking) return;
        asking = true;
        // The hook's checks again, without extending the session: an idle session still expires.
        staffSession(ctx.db.db, token, { touch: false })
          .then(({ principal }) => requirePolicy(principal, 'inbox.read', kommunenummer))
          .catch((error: unknown) => {
            if (error instanceof AppError && (error.status === 401 || error.status === 403)) stream.end();
            // Anything else (the database busy for a moment) is asked again next time.
            else request.log.warn({ err: error }, 'live stream could not check its session');
          })
          .finally(() => {
            asking = false;
          });
      }, ctx.config.liveRecheckMs);
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        clearInterval(ping);
        clearInterval(recheck);
        unsubscribe();
        release();
        open.delete(stream);
      };
      request.raw.on('close', done);
      stream.on('close', done);
      stream.on('error', done);
    },
  );
};
