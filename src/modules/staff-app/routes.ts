// The staff back office: the React app built from admin/ into admin/dist (scripts/build-admin.ts),
// served at /admin/. Hashed files under /admin/assets/ are cached for a year; index.html is
// revalidated on every load, so a new build is picked up at once. Any other GET under /admin is
// an address inside the app (/admin/m/4001/inbox), answered with index.html for the app's router.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';

/** Where scripts/build-admin.ts puts the build. */
export const STAFF_APP_DIST = fileURLToPath(new URL('../../../admin/dist/', import.meta.url));

export const NOT_BUILT_MESSAGE = 'The back office has not been built: run npm run build:admin';

const YEAR = 365 * 24 * 3600;

/**
 * The back office's Content-Security-Policy: scripts, styles and API calls only from this server,
 * images also from the map tile server, never framed.
 * No 'unsafe-inline' for styles: Vite puts all CSS in files, and Leaflet (like React's `style`
 * prop) positions things through element.style, which CSP does not restrict; only style
 * attributes in markup and <style> elements would need it. The residents' map pages run Leaflet
 * under the same rule (see pageCsp in web/page.ts).
 * `blob:` images: the field app shows photos taken offline from IndexedDB before they are sent.
 * The tile server is in connect-src too: the service worker (admin/src/sw.ts, which runs under the
 * policy it was served with) fetches the tiles it keeps for use without a network.
 */
export function staffAppCsp(tileUrl: string): string {
  const tiles = tileUrl ? ` ${new URL(tileUrl.replace(/[{}]/g, '')).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${tiles}`,
    `connect-src 'self'${tiles}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface StaffAppOptions {
  ctx: Pick<AppContext, 'config'>;
  /** The built app; admin/dist by default (tests point it elsewhere). */
  distDir?: string;
}

function notBuilt(reply: FastifyReply) {
  return reply
    .status(503)
    .header('content-type', 'text/plain; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('retry-after', '60')
    .send(`${NOT_BUILT_MESSAGE}\n`);
}

export const staffAppRoutes: FastifyPluginAsync<StaffAppOptions> = async (app, { ctx, distDir }) => {
  const root = path.resolve(distDir ?? STAFF_APP_DIST);
  const assets = `${path.join(root, 'assets')}${path.sep}`;
  const csp = staffAppCsp(ctx.config.mapTileUrl);

  async function sendIndex(request: FastifyRequest, reply: FastifyReply) {
    let html: string;
    try {
      // Read on each request (it is small): a rebuild while the server runs is served at once.
      html = await readFile(path.join(root, 'index.html'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return notBuilt(reply);
      throw error;
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(request.method === 'HEAD' ? '' : html);
  }

  // Its own scope under /admin: the policy, the static files and the not-found handler (the
  // app's fallback) apply to the back office only.
  await app.register(
    async (scope) => {
      scope.addHook('onSend', async (_request, reply) => {
        reply.header('content-security-policy', csp);
        reply.header('x-frame-options', 'DENY');
      });

      await scope.register(fastifyStatic, {
        root,
        prefix: '/',
        // webRoutes registers @fastify/static too; this one adds no reply decorators.
        decorateReply: false,
        index: false,
        // A missing dist is answered with 503 at request time, not warned about at start.
        suppressWarning: true,
        cacheControl: false,
        setHeaders: (reply, file) => {
          reply.header(
            'cache-control',
            file.startsWith(assets) ? `public, max-age=${YEAR}, immutable` : 'no-cache',
          );
        },
      });

      scope.get('/', { schema: { hide: true } }, sendIndex);

      scope.setNotFoundHandler(async (request, reply) => {
        if (
          !(await access(path.join(root, 'index.html')).then(
            () => true,
            () => false,
          ))
        )
          return notBuilt(reply);
        const inApp = request.method === 'GET' || request.method === 'HEAD';
        // A missing hashed file is a real 404 (HTML in its place would break the page oddly);
        // so is any other method.
        const pathname = request.url.split('?')[0] ?? '';
        if (inApp && !pathname.startsWith('/admin/assets/')) return sendIndex(request, reply);
        return reply
          .status(404)
          .header('content-type', 'text/plain; charset=utf-8')
          .header('cache-control', 'no-store')
          .send('Not found\n');
      });
    },
    { prefix: '/admin' },
  );
};
