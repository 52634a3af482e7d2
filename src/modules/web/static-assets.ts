// The residents' pages' static files (our own styles and scripts, Leaflet, its marker clusters),
// served at fingerprinted addresses: /assets/site.css?v=<hash of the file>. A page names the
// version of each file it was rendered with, so the browser may keep that address for a year
// without asking again (immutable); a new release has new hashes, hence new addresses. An address
// without the current hash (an old bookmark, a page from before a release) is still served, with
// a short cache, so nothing breaks while caches turn over.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

const require = createRequire(import.meta.url);

/** Address prefix → folder on disk. */
const ROOTS: Record<string, string> = {
  '/assets/leaflet/': path.dirname(require.resolve('leaflet/dist/leaflet.js')),
  '/assets/markercluster/': path.dirname(
    require.resolve('leaflet.markercluster/dist/leaflet.markercluster.js'),
  ),
  '/assets/': fileURLToPath(new URL('./assets/', import.meta.url)),
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An address without the current fingerprint: kept briefly, then asked again. */
const SHORT = 'public, max-age=300';

function fileFor(address: string): string | undefined {
  for (const [prefix, root] of Object.entries(ROOTS)) {
    if (!address.startsWith(prefix)) continue;
    const file = path.resolve(root, `.${address.slice(prefix.length - 1)}`);
    return file.startsWith(root) ? file : undefined;
  }
  return undefined;
}

// Computed once per file, on first use: the files do not change while the server runs.
const fingerprints = new Map<string, string>();

/** The first 12 hex digits of the file's SHA-256, or undefined for a file we do not serve. */
export function fingerprint(address: string): string | undefined {
  const known = fingerprints.get(address);
  if (known) return known;
  const file = fileFor(address);
  if (!file) return undefined;
  let hash: string;
  try {
    hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
  } catch {
    return undefined;
  }
  fingerprints.set(address, hash);
  return hash;
}

/** "/assets/site.css" → "/assets/site.css?v=3f2a…", the address pages link to. */
export function assetUrl(address: string): string {
  const hash = fingerprint(address);
  if (!hash) throw new Error(`no such asset: ${address}`);
  return `${address}?v=${hash}`;
}

export const staticAssets: FastifyPluginAsync = async (app) => {
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/assets/')) return;
    if (reply.statusCode !== 200 && reply.statusCode !== 304) return;
    const url = new URL(request.url, 'http://x');
    const current = url.searchParams.get('v') === fingerprint(url.pathname);
    reply.header('cache-control', current ? IMMUTABLE : SHORT);
  });
  // Longest prefix first: each folder is its own static root.
  let decorate = true;
  for (const [prefix, root] of Object.entries(ROOTS)) {
    await app.register(fastifyStatic, {
      root,
      prefix,
      decorateReply: decorate,
      cacheControl: false,
      index: false,
      // Leaflet's source maps and the markercluster notes are not for browsers.
      allowedPath: (pathName) => !pathName.endsWith('.map') && !pathName.endsWith('.txt'),
    });
    decorate = false;
  }
  // Browsers ask for this on their own (feed readers, bookmarks, pages that name no icon).
  const favicon = readFileSync(path.join(ROOTS['/assets/'] ?? '', 'favicon.ico'));
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('content-type', 'image/x-icon')
      .header('cache-control', 'public, max-age=86400')
      .send(favicon),
  );
};
