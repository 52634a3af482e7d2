// A real OpenID provider (oidc-provider) on 127.0.0.1 with a random port, for the OIDC login
// tests: one client with the app's redirect URI, accounts the test defines, and a login step that
// signs in whichever account the test names next (no forms to fill in). Consent is implied, as for
// a municipality's own first-party application.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ProviderContext } from 'oidc-provider';

export interface TestIdentity {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who logs in at the next interaction. */
  logInNext(identity: TestIdentity): void;
  close(): Promise<void>;
}

export async function startTestOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestIdentity>();
  let next: TestIdentity | undefined;
  let provider: Provider | undefined;
  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const current = provider;
    if (req.url?.startsWith('/interaction/')) {
      // The provider asks who is logging in: answer with the account the test chose.
      void (async () => {
        try {
          if (!next) throw new Error('the test named nobody to log in');
          accounts.set(next.sub, next);
          await current.interactionDetails(req, res);
          await current.interactionFinished(
            req,
            res,
            { login: { accountId: next.sub } },
            { mergeWithLastSubmission: false },
          );
        } catch (error) {
          res.statusCode = 500;
          res.end(String(error));
        }
      })();
      return;
    }
    current.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'meldepunkt-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // A first-party application: consent is implied for what it asks.
    async loadExistingGrant(ctx: ProviderContext) {
      const accountId = ctx.oidc.session?.accountId;
      const clientIdOfRequest = ctx.oidc.client?.clientId;
      if (!accountId || !clientIdOfRequest) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: clientIdOfRequest });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: account.email, email_verified: account.emailVerified, name: account.name };
        },
      };
    },
  });
  return {
    issuer,
    clientId,
    clientSecret,
    logInNext(identity) {
      next = identity;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
