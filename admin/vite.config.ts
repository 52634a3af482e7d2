// The staff back office: a React SPA served by the Meldepunkt server at /admin/ (see
// src/modules/staff-app/routes.ts). scripts/build-admin.ts builds it into admin/dist.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  plugins: [react()],
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
