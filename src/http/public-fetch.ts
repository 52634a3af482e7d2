// A fetch that only ever connects to public addresses (see public-address.ts). Checking a host
// name before fetching is not enough: it can resolve to a public address for the check and to
// 127.0.0.1 a moment later for the connection (DNS rebinding). So the check happens where the
// connection is made: the connection's own lookup resolves the name, refuses it unless EVERY
// address is public, and hands the socket only the addresses it checked. URLs that name an
// address directly never reach a lookup, so those are checked before the request.
//
// undici (the npm package) provides the Agent whose connect options carry that lookup; Node's
// built-in fetch runs on undici too but does not export its Agent, so the package is needed. It
// loads with the first fetch (an OIDC sign-in, an address search), not with every process: a
// megabyte of code that an embedded server at rest does not need in memory.
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import type { Agent, fetch as undiciFetch } from 'undici';
import { checkHost, isPublicAddress, type Resolver, systemResolver, unbracket } from './public-address.ts';

export class NotPublicAddressError extends Error {
  override name = 'NotPublicAddressError';
  readonly code = 'ERR_NOT_PUBLIC_ADDRESS';
  constructor(host: string, address: string) {
    super(
      host === address
        ? `Refused to connect to ${address}: it is not a public address`
        : `Refused to connect to ${host}: it resolves to ${address}, which is not a public address`,
    );
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The lookup a connection makes: refuses unless every address is public, and gives only those. */
export function publicOnlyLookup(resolver: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    checkHost(hostname, resolver).then(
      (result) => {
        if (result.kind === 'unresolvable') {
          callback(result.error as NodeJS.ErrnoException, '', 0);
          return;
        }
        if (result.kind === 'not_public') {
          callback(new NotPublicAddressError(hostname, result.address), '', 0);
          return;
        }
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const addresses = result.addresses.filter((a) => family === undefined || a.family === family);
        const [first] = addresses;
        if (!first) {
          callback(
            Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' }),
            '',
            0,
          );
          return;
        }
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}

export interface PublicFetchOptions {
  /** Gives up connecting after this long. */
  connectTimeoutMs: number;
  resolver?: Resolver;
}

/** What undici's fetch takes (its body types include the Uint8Array openid-client may send). */
export type FetchInit = NonNullable<Parameters<typeof undiciFetch>[1]>;
export type FetchLike = (url: string, init?: FetchInit) => Promise<Response>;

export function createPublicOnlyFetch(options: PublicFetchOptions): FetchLike {
  let client: Promise<{ agent: Agent; fetch: typeof undiciFetch }> | undefined;
  const connect = () => {
    client ??= import('undici').then(({ Agent, fetch }) => ({
      agent: new Agent({
        connect: {
          lookup: publicOnlyLookup(options.resolver ?? systemResolver),
          timeout: options.connectTimeoutMs,
        },
      }),
      fetch,
    }));
    return client;
  };
  return async (url, init) => {
    const host = unbracket(new URL(url).hostname);
    if (isIP(host) && !isPublicAddress(host)) throw new NotPublicAddressError(host, host);
    const { agent, fetch } = await connect();
    // undici's own Request and Response types equal the global ones at run time.
    const response = await fetch(url, { ...init, dispatcher: agent });
    return response as unknown as Response;
  };
}
