import type { FastifyReply } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks a route as an HTML page: its errors are rendered as pages, not JSON. */
    page?: boolean;
  }
}

/** Route options for an HTML page. */
export const pageConfig = { config: { page: true }, schema: { hide: true } } as const;

/** Route options for a page a form posts to: limited per client address, refused with a 429 page. */
export function rateLimitedPage(perMinute: number) {
  return {
    ...pageConfig,
    config: { ...pageConfig.config, rateLimit: { max: perMinute, timeWindow: '1 minute' } },
  };
}

/**
 * The residents' pages' Content-Security-Policy: scripts and styles only from this server (no
 * inline script), images also from the map tile server, and framing allowed from anywhere,
 * since municipalities embed the form in their own sites. `framing: 'none'` is for the pages a
 * link in a message opens (stop messages, confirm a subscription or a follow): one button there
 * changes what a person receives, and no site has a reason to frame them, so none may (a framing
 * site could otherwise trick a click on them).
 */
export function pageCsp(tileUrl: string, framing: 'anyone' | 'none' = 'anyone'): string {
  const tiles = tileUrl ? ` ${new URL(tileUrl.replace(/[{}]/g, '')).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${tiles}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    framing === 'anyone' ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * How a page may be kept. `personal`: it shows someone's own data (a draft with their contact
 * details, the reporter's choices): never stored anywhere. `public`: what anyone may see (the
 * start page, the map, a report's public page, an empty form): still asked for afresh each time
 * and kept by no shared cache, but the browser may restore it from its back/forward cache, which
 * `no-store` forbids.
 */
export type PageCaching = 'personal' | 'public';

const CACHE_CONTROL: Record<PageCaching, string> = {
  personal: 'no-store',
  public: 'private, no-cache',
};

/** `csp` replaces the pages' policy for a page that needs more (the embed demo frames the form). */
export function sendPage(
  reply: FastifyReply,
  html: string,
  status = 200,
  csp = reply.server.pageCsp,
  caching: PageCaching = 'personal',
) {
  // Browsers that predate frame-ancestors read X-Frame-Options: DENY for a page none may frame;
  // for the rest the policy's `frame-ancestors *` says what helmet's SAMEORIGIN would contradict.
  if (csp === reply.server.pageCspUnframed) reply.header('x-frame-options', 'DENY');
  else reply.removeHeader('x-frame-options');
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', CACHE_CONTROL[caching])
    .header('content-security-policy', csp)
    .send(html);
}

/** A page no other site may frame (see pageCsp): opened from a link in a message, it acts on one click. */
export function sendUnframedPage(reply: FastifyReply, html: string, status = 200) {
  return sendPage(reply, html, status, reply.server.pageCspUnframed);
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCsp: string;
    pageCspUnframed: string;
  }
}
