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
 * since municipalities embed the form in their own sites.
 */
export function pageCsp(tileUrl: string): string {
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
    'frame-ancestors *',
  ].join('; ');
}

/** `csp` replaces the pages' policy for a page that needs more (the embed demo frames the form). */
export function sendPage(reply: FastifyReply, html: string, status = 200, csp = reply.server.pageCsp) {
  reply.removeHeader('x-frame-options');
  // Pages carry form tokens and a resident's own data: never store them in shared caches.
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', csp)
    .send(html);
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCsp: string;
  }
}
