// Whether an address is on the public internet. Meldepunkt fetches some addresses that an
// administrator typed (an OIDC issuer, and whatever endpoints its discovery document names); an
// anonymous visitor can make it do so. Without this check that is a way into the server's own
// network: its loopback interface, the cloud's metadata service on 169.254.169.254, the
// municipality's intranet. Everything not globally routable is refused: IPv4 private, shared
// (CGNAT), loopback, link-local, "this network", documentation, benchmarking, multicast and
// reserved ranges; IPv6 outside global unicast (2000::/3) and its special ranges; and IPv4 inside
// IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96) judged as the IPv4 address it carries.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const NOT_PUBLIC_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

/** Special ranges inside 2000::/3 (IETF protocol assignments with Teredo, documentation, 6to4). */
const NOT_PUBLIC_V6: [string, number][] = [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['3fff::', 20],
];

const notPublic = new BlockList();
for (const [network, prefix] of NOT_PUBLIC_V4) notPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of NOT_PUBLIC_V6) notPublic.addSubnet(network, prefix, 'ipv6');

const globalUnicast = new BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (zone id dropped), or undefined if it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  const plain = address.split('%')[0] ?? '';
  if (isIP(plain) !== 6) return undefined;
  let text = plain;
  // A trailing dotted IPv4 (::ffff:127.0.0.1) becomes two groups.
  const dotted = /:(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: zeros }, () => '0'), ...right].map((g) => Number.parseInt(g, 16));
}

/** The IPv4 address an IPv6 address carries (mapped or NAT64), if it carries one. */
function embeddedIpv4(groups: number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const mapped = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff;
  const nat64 = g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0;
  if (!mapped && !nat64) return undefined;
  return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join('.');
}

export function isPublicAddress(address: string): boolean {
  const plain = address.split('%')[0] ?? '';
  const version = isIP(plain);
  if (version === 4) return !notPublic.check(plain, 'ipv4');
  if (version !== 6) return false;
  const groups = ipv6Groups(plain);
  if (!groups) return false;
  const ipv4 = embeddedIpv4(groups);
  if (ipv4) return isPublicAddress(ipv4);
  return globalUnicast.check(plain, 'ipv6') && !notPublic.check(plain, 'ipv6');
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has; tests pass their own. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

export type HostCheck =
  | { kind: 'public'; addresses: ResolvedAddress[] }
  | { kind: 'not_public'; address: string }
  | { kind: 'unresolvable'; error: unknown };

/** "[::1]" in a URL's hostname is the address ::1. */
export function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Resolves the host and checks EVERY address it resolves to: one private address among public
 * ones is enough to refuse, since a connection could go to any of them.
 */
export async function checkHost(hostname: string, resolver: Resolver = systemResolver): Promise<HostCheck> {
  const host = unbracket(hostname);
  if (isIP(host.split('%')[0] ?? '')) {
    return isPublicAddress(host)
      ? { kind: 'public', addresses: [{ address: host, family: isIP(host) }] }
      : { kind: 'not_public', address: host };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolver(host);
  } catch (error) {
    return { kind: 'unresolvable', error };
  }
  if (addresses.length === 0) return { kind: 'unresolvable', error: new Error(`${host} has no address`) };
  const refused = addresses.find((a) => !isPublicAddress(a.address));
  return refused ? { kind: 'not_public', address: refused.address } : { kind: 'public', addresses };
}
