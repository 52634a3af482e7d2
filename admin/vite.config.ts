// The staff back office: a React SPA served by the Meldepunkt server at /admin/ (see
// src/modules/staff-app/routes.ts). scripts/build-admin.ts builds it into admin/dist.
// vite-plugin-pwa builds the service worker (src/sw.ts, the field app's offline use) and the web
// app manifest; the field app registers the worker itself (pages/field/FieldShell.tsx).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      // The field app registers the worker; nothing is injected into index.html but the manifest link.
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        name: 'Meldepunkt felt',
        short_name: 'Felt',
        description: 'Oppgavene i felt, også uten nett.',
        lang: 'nb',
        start_url: '/admin/felt',
        scope: '/admin/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0b2e45',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        // The app's code, styles and icons; index.html is left to the worker's network-first route
        // so a deploy is seen at once. Source maps are not needed offline.
        globPatterns: ['**/*.{js,css,png,svg,woff2}'],
        globIgnores: ['**/index.html', '**/*.map', 'sw.js'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the back office supports has <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  // `npx vite admin` during development: the API comes from `npm start` on port 8080.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
