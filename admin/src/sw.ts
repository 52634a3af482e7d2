/// <reference lib="webworker" />
// The back office's service worker (built by vite-plugin-pwa, injectManifest; docs/field-app.md).
// What it keeps, and what it never keeps:
// - the app's code and styles (hashed files under /admin/assets/, precached at install);
// - the page itself (index.html) network first: a deploy is picked up on the next load, and the
//   last copy is used only without a network;
// - map tiles from the tile server, cache first, the most recent few hundred (the last area viewed);
// - NOTHING from /api/: answers with personal data never enter these caches, which are shared by
//   everyone who uses the browser. The field app keeps its offline copy in IndexedDB, per user,
//   dropped on logout and on a 401 (offline/field-store.ts).
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

const SHELL_CACHE = 'meldepunkt-admin-shell';
const TILE_CACHE = 'meldepunkt-map-tiles';

// The page itself is kept at install too, so the app opens offline after its first visit (the
// first load happened before this worker controlled the page).
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.add('/admin/'))
      .catch(() => undefined),
  );
});

void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every address of the app is the same index.html: one cached copy, whatever the path.
const shell = new NetworkFirst({
  cacheName: SHELL_CACHE,
  networkTimeoutSeconds: 5,
  plugins: [new CacheableResponsePlugin({ statuses: [200] }), { cacheKeyWillBeUsed: async () => '/admin/' }],
});
registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' && url.origin === self.location.origin && url.pathname.startsWith('/admin'),
  shell,
);

registerRoute(
  ({ request, url }) =>
    request.destination === 'image' && url.origin !== self.location.origin && !url.pathname.includes('/api/'),
  new CacheFirst({
    cacheName: TILE_CACHE,
    plugins: [
      // Tiles load as <img> without CORS: their answers are opaque (status 0).
      new CacheableResponsePlugin({ statuses: [0, 200] }),
      new ExpirationPlugin({ maxEntries: 600, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
    ],
  }),
);
