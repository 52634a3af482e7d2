// A local HTTP server standing in for an SMS gateway: takes the JSON POST the SMS channel sends,
// answers as told (accept, 4xx, 5xx, or hang past the caller's timeout), and can post a
// delivery report back to the callback URL it was given.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  authorization: string | undefined;
  body: { sender: string; recipient: string; text: string; reference: string; callbackUrl?: string };
}

export type GatewayAnswer = 'accept' | 'reject' | 'error' | 'hang';

export interface TestSmsGateway {
  readonly url: string;
  readonly requests: GatewayRequest[];
  /** Requests answered 2xx, i.e. the SMS the provider took and sent to the phone. */
  readonly accepted: GatewayRequest[];
  /**
   * Requests with a reference already taken: answered 2xx like the first, but not sent again (real
   * gateways deduplicate on the reference). A request the caller gave up on (timeout) may still
   * have been taken, which is why resends happen at all.
   */
  readonly duplicates: GatewayRequest[];
  /** How to answer the next requests (default: accept). */
  answer: GatewayAnswer | ((request: GatewayRequest, index: number) => GatewayAnswer);
  waitForAccepted(count: number, timeoutMs?: number): Promise<GatewayRequest[]>;
  /** Posts a delivery report for an accepted SMS to its callback URL. */
  report(request: GatewayRequest, status: string): Promise<Response>;
  stop(): Promise<void>;
}

export async function startSmsGateway(): Promise<TestSmsGateway> {
  const requests: GatewayRequest[] = [];
  const accepted: GatewayRequest[] = [];
  const duplicates: GatewayRequest[] = [];
  const taken = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const gateway = {
    answer: 'accept' as TestSmsGateway['answer'],
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: GatewayRequest = {
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as GatewayRequest['body'],
      };
      const index = requests.push(request) - 1;
      const answer = typeof gateway.answer === 'function' ? gateway.answer(request, index) : gateway.answer;
      res.setHeader('content-type', 'application/json');
      if (answer === 'accept') {
        const first = taken.get(request.body.reference);
        if (first === undefined) {
          taken.set(request.body.reference, index);
          accepted.push(request);
        } else {
          duplicates.push(request);
        }
        res.writeHead(201).end(JSON.stringify({ id: `gw-${first ?? index}`, status: 'queued' }));
      } else if (answer === 'reject') {
        res.writeHead(400).end(JSON.stringify({ error: 'invalid recipient' }));
      } else if (answer === 'error') {
        res.writeHead(503).end(JSON.stringify({ error: 'try again later' }));
      } else {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(gateway, {
    url: `http://127.0.0.1:${port}/v1/sms`,
    requests,
    accepted,
    duplicates,
    async waitForAccepted(count: number, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (accepted.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} accepted SMS, got ${accepted.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return accepted;
    },
    async report(request: GatewayRequest, status: string) {
      if (!request.body.callbackUrl) throw new Error('the SMS carried no callback URL');
      const index = requests.indexOf(request);
      return fetch(request.body.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: `gw-${index}`, reference: request.body.reference, status }),
      });
    },
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
