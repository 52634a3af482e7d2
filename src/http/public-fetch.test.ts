// The fetch that only connects to public addresses, against a real local server that counts
// what reaches it: nothing may, whether the URL names 127.0.0.1, a name resolves to it, or the
// name resolved to a public address a moment earlier (DNS rebinding).
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolver } from './public-address.ts';
import { createPublicOnlyFetch, NotPublicAddressError, publicOnlyLookup } from './public-fetch.ts';

describe('fetching only public addresses', () => {
  let server: Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function refusal(promise: Promise<unknown>): Promise<unknown> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!error) throw new Error('the fetch was not refused');
    // undici reports a failed connection as "fetch failed" with the reason as its cause.
    return error instanceof NotPublicAddressError ? error : (error as { cause?: unknown }).cause;
  }

  it('refuses a URL naming a loopback, private or mapped address before connecting', async () => {
    const fetchPublic = createPublicOnlyFetch({ connectTimeoutMs: 2000 });
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '10.0.0.1', '169.254.169.254']) {
      const error = await refusal(fetchPublic(`http://${host}:${port}/.well-known/openid-configuration`));
      expect(error, host).toBeInstanceOf(NotPublicAddressError);
    }
    expect(hits).toBe(0);
  });

  it('refuses a name that resolves to a loopback address, checked where the connection is made', async () => {
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const fetchPublic = createPublicOnlyFetch({ connectTimeoutMs: 2000, resolver });
    const error = await refusal(
      fetchPublic(`http://idp.example.no:${port}/.well-known/openid-configuration`),
    );
    expect(error).toBeInstanceOf(NotPublicAddressError);
    expect(String(error)).toContain('idp.example.no: it resolves to 127.0.0.1');
    expect(hits).toBe(0);
  });

  it('is not fooled by a name that answered with a public address the first time (DNS rebinding)', async () => {
    let calls = 0;
    const rebinding: Resolver = async () => {
      calls++;
      return [{ address: calls === 1 ? '20.190.160.1' : '127.0.0.1', family: 4 }];
    };
    // The first answer is what an earlier check (the administrator's save) saw.
    expect(await rebinding('idp.example.no')).toEqual([{ address: '20.190.160.1', family: 4 }]);
    const fetchPublic = createPublicOnlyFetch({ connectTimeoutMs: 2000, resolver: rebinding });
    expect(await refusal(fetchPublic(`http://idp.example.no:${port}/`))).toBeInstanceOf(
      NotPublicAddressError,
    );
    expect(hits).toBe(0);
  });

  it('hands the connection exactly the addresses it checked', async () => {
    const resolver: Resolver = async () => [
      { address: '20.190.160.1', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ];
    const lookup = publicOnlyLookup(resolver);
    const all = await new Promise<LookupAddress[]>((resolve, reject) =>
      lookup('idp.example.no', { all: true }, (error, addresses) =>
        error ? reject(error) : resolve(addresses as LookupAddress[]),
      ),
    );
    expect(all).toEqual([
      { address: '20.190.160.1', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ]);
    const one = await new Promise<[string, number | undefined]>((resolve, reject) =>
      lookup('idp.example.no', { family: 6 }, (error, address, family) =>
        error ? reject(error) : resolve([address as string, family]),
      ),
    );
    expect(one).toEqual(['2606:4700::1', 6]);
  });
});
