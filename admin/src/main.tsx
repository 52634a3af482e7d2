// The back office's entry: language and session first (the error pages need them too), then
// the routes. Everything else is loaded per page (see router.tsx).
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { I18nProvider } from './i18n/index.ts';
import { createRouter } from './router.tsx';
import { SessionProvider } from './session/index.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={createRouter()} />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
