// Embedding the form, or the notices widget (data-view="driftsmeldinger"), in the municipality's
// own site: /embed.js inserts an iframe and sizes it to its content (the page inside reports its
// height by postMessage); a plain iframe works too. Both may be framed by any site, like every
// residents' page (pageCsp's frame-ancestors).

import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { html } from 'htm/preact';
import type { AppContext } from '../../app-context.ts';
import { widgetText } from '../../i18n/web-widget.ts';
import { listPublicNotices } from '../notices/list-public-notices.ts';
import { renderPage } from './layout.ts';
import { pageConfig, sendPage } from './page.ts';
import { noticesWidget } from './pages/notices-widget.ts';
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
    const widget = `${ctx.config.publicUrl}${site.base}/driftsmeldinger/widget?lang=${site.language}`;
    const w = widgetText(site.language);
    const body = html`
      <h1>${site.text.embed.title}</h1>
      <p>${site.text.embed.intro}</p>
      <div class="embed-demo-frame">
        <script src="/embed.js" data-src=${src} data-title=${site.text.form.title}></script>
        <noscript><iframe src=${src} title=${site.text.form.title} width="100%" height="1800" allow="geolocation"></iframe></noscript>
      </div>
      <h2>${w.demoTitle}</h2>
      <p>${w.demoIntro}</p>
      <div class="embed-demo-widget">
        <script src="/embed.js" data-view="driftsmeldinger" data-src=${widget} data-title=${site.text.notices.title}></script>
        <noscript><iframe src=${widget} title=${site.text.notices.title} width="100%" height="400"></iframe></noscript>
      </div>
    `;
    // The demo frames the form at the public address, which may not be the address this page was
    // opened at (a proxy, another host name): allow exactly that origin as a frame.
    const csp = `${reply.server.pageCsp}; frame-src 'self' ${new URL(ctx.config.publicUrl).origin}`;
    return sendPage(reply, renderPage(site, { title: site.text.embed.title, body }), 200, csp);
  });

  // Always without the site's header and footer (no ?embed=1 needed): it only exists to be framed.
  app.get<{ Params: { site: string } }>(
    '/:site/driftsmeldinger/widget',
    pageConfig,
    async (request, reply) => {
      const site = await resolveSite(ctx.db.db, request, reply, request.params.site);
      const notices = await listPublicNotices(ctx.db.db, {
        kommunenummer: site.municipality.kommunenummer,
        language: site.language,
        activeOnly: true,
      });
      return sendPage(
        reply,
        noticesWidget(site, notices, ctx.config.publicUrl),
        200,
        reply.server.pageCsp,
        'public',
      );
    },
  );
};
