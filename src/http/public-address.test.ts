// Which addresses Meldepunkt may fetch on a visitor's behalf: only public ones, judged for EVERY
// address a name resolves to (resolvers injected: the tests have no internet and no DNS).
import { describe, expect, it } from 'vitest';
import { checkHost, isPublicAddress, type Resolver } from './public-address.ts';

function resolvesTo(...addresses: string[]): Resolver {
  return async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}

describe('public addresses', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '0.1.2.3',
    '192.0.2.10',
    '198.18.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456:789a::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '::127.0.0.1',
    '2001:db8::1',
    '2002:7f00:1::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '20.190.160.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4010:c05::64',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('checks every address a name resolves to: one private address refuses it', async () => {
    expect(await checkHost('login.example.no', resolvesTo('20.190.160.1', '2606:4700::1'))).toEqual({
      kind: 'public',
      addresses: [
        { address: '20.190.160.1', family: 4 },
        { address: '2606:4700::1', family: 6 },
      ],
    });
    for (const hostile of [
      '127.0.0.1',
      '10.0.0.5',
      '169.254.169.254',
      'fe80::1',
      '::ffff:192.168.0.1',
      '::1',
    ]) {
      expect(await checkHost('login.example.no', resolvesTo('20.190.160.1', hostile)), hostile).toEqual({
        kind: 'not_public',
        address: hostile,
      });
    }
  });

  it('judges an address in the URL itself without resolving, and reports a name that does not resolve', async () => {
    const never: Resolver = async () => {
      throw new Error('must not be asked');
    };
    expect(await checkHost('127.0.0.1', never)).toEqual({ kind: 'not_public', address: '127.0.0.1' });
    expect(await checkHost('[::ffff:7f00:1]', never)).toEqual({
      kind: 'not_public',
      address: '::ffff:7f00:1',
    });
    expect((await checkHost('8.8.8.8', never)).kind).toBe('public');
    const nowhere: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect((await checkHost('idp.invalid', nowhere)).kind).toBe('unresolvable');
    expect((await checkHost('idp.invalid', resolvesTo())).kind).toBe('unresolvable');
  });
});
