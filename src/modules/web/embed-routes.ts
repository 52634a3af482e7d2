// Embedding the form in the municipality's own site: /embed.js inserts an iframe and sizes it
// to its content (the page inside reports its height by postMessage); a plain iframe works too.

import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { html } from 'htm/preact';
import type { AppContext } from '../../app-context.ts';
import { renderPage } from './layout.ts';
import { pageConfig, sendPage } from './page.ts';
import { resolveSite } from './site.ts';

const EMBED_SCRIPT = new URL('./assets/js/embed.js', import.meta.url);

export const embedRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const script = await readFile(EMBED_SCRIPT, 'utf8');
  app.get('/embed.js', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(script),
  );

  app.get<{ Params: { site: string } }>('/:site/embed-demo', pageConfig, async (request, reply) => {
    const site = await resolveSite(ctx.db.db, request, reply, request.params.site);
    const src = `${ctx.config.publicUrl}${site.base}/meld?embed=1&lang=${site.language}`;
    const body = html`
      <h1>${site.text.embed.title}</h1>
      <p>${site.text.embed.intro}</p>
      <div class="embed-demo-frame">
        <script src="/embed.js" data-src=${src} data-title=${site.text.form.title}></script>
        <noscript><iframe src=${src} title=${site.text.form.title} width="100%" height="1800" allow="geolocation"></iframe></noscript>
      </div>
    `;
    // The demo frames the form at the public address, which may not be the address this page was
    // opened at (a proxy, another host name): allow exactly that origin as a frame.
    const csp = `${reply.server.pageCsp}; frame-src 'self' ${new URL(ctx.config.publicUrl).origin}`;
    return sendPage(reply, renderPage(site, { title: site.text.embed.title, body }), 200, csp);
  });
};
