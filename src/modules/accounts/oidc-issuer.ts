// Which identity-provider addresses Meldepunkt talks to. openid-client refuses plain http, and so
// do we, except on the loopback interface: the tests run a real OpenID provider on 127.0.0.1, and a
// developer may run Keycloak on localhost. Nothing on a loopback address crosses a network.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

export function isAllowedIssuer(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || isLoopbackHttp(url);
}
