// Live inbox updates as Server-Sent Events. The policy is checked when the stream opens (the
// staff-auth hook runs before the handler); after that the stream only carries the small change
// notices of the trigger (no personal data), for the URL's municipality only.
import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { INBOX_BASE, INBOX_TAG, MunicipalityParams } from './inbox-http.ts';
import { createReportChangeFeed, type ReportChange } from './report-change-feed.ts';

/** Proxies and load balancers close connections that are silent for a minute or so. */
export const PING_INTERVAL_MS = 25_000;

function eventOf(change: ReportChange): string {
  const data = { op: change.op, id: change.id, ref: change.ref, status: change.status };
  return `event: report\ndata: ${JSON.stringify(data)}\n\n`;
}

export const liveInboxRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const feed = createReportChangeFeed(ctx.db, app.log);
  const open = new Set<ServerResponse>();
  // Open streams never go idle, so the server would wait for them forever on close: end them.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
    open.clear();
  });
  app.addHook('onClose', async () => {
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
          '`event: report` with `data: {op: "insert"|"update", id, ref, status}`; a comment line every 25 s keeps the connection open.',
        params: MunicipalityParams,
        produces: ['text/event-stream'],
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          401: errorResponseRef,
          403: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const stream = reply.raw;
      const unsubscribe = await feed.subscribe(request.params.kommunenummer, (change) => {
        stream.write(eventOf(change));
      });
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
      open.add(stream);
      const ping = setInterval(() => stream.write(': ping\n\n'), PING_INTERVAL_MS);
      const done = () => {
        clearInterval(ping);
        unsubscribe();
        open.delete(stream);
      };
      request.raw.on('close', done);
      stream.on('close', done);
      stream.on('error', done);
    },
  );
};
