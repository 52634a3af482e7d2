// The report form's steps: form → (errors back to the form) → review with nearby reports →
// send → receipt. Every step is a plain page and a plain post (Post/Redirect/Get), so it works
// without JavaScript, survives reloads, and never posts twice.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { localize } from '../../shared/language.ts';
import { nameOfLinkedAsset } from '../assets/name-of-linked-asset.ts';
import { listCategoryTree } from '../categories/list-category-tree.ts';
import { hasLocalAddresses } from '../geo/local-addresses.ts';
import { uploadSpoolFor } from '../photos/upload-spool.ts';
import { prefillFromLink } from '../report-links/prefill-from-link.ts';
import { findReportLink } from '../report-links/resolve-report-link.ts';
import { createReport } from '../reports/create-report.ts';
import { findNearbyReports } from '../reports/find-nearby-reports.ts';
import { firstValue, readUrlencoded, TOKEN_FIELD } from './form-fields.ts';
import { issueFormToken, isValidFormToken } from './form-token.ts';
import { municipalityCenter } from './municipality-center.ts';
import { pageConfig, rateLimitedPage, sendPage } from './page.ts';
import {
  claimDraftForSending,
  type DraftData,
  deleteDraft,
  emptyDraft,
  loadDraft,
  releaseDraft,
  saveDraft,
} from './report-form/draft.ts';
import { formPage } from './report-form/form-page.ts';
import { reviewPage } from './report-form/review-page.ts';
import {
  REPORT_FORM_LIMITS,
  readFormPost,
  reportInputFromDraft,
  submitReportForm,
} from './report-form/submit-form.ts';
import { resolveSite, type Site, siteHref } from './site.ts';

type SiteParams = { Params: { site: string } };
type DraftParams = { Params: { site: string; draft: string } };

function number(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

export const formRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  const tokenFor = (site: Site) => issueFormToken(ctx.secret, `report:${site.municipality.kommunenummer}`);
  const redirect = (reply: FastifyReply, site: Site, path: string) =>
    reply.redirect(siteHref(site, path), 303);

  /** What the form starts with: a saved draft, a QR link, or query parameters. */
  async function startingDraft(
    site: Site,
    query: Record<string, unknown>,
  ): Promise<{ data: DraftData; id?: string; photos: { id: string; width: number; height: number }[] }> {
    if (typeof query.utkast === 'string') {
      const draft = await loadDraft(db, site.municipality.kommunenummer, query.utkast);
      if (draft) return { data: draft.data, id: draft.id, photos: draft.photos };
    }
    const data = emptyDraft();
    if (typeof query.link === 'string') {
      const link = await findReportLink(db, query.link);
      if (link && link.kommunenummer === site.municipality.kommunenummer) {
        const prefill = prefillFromLink(link);
        data.lat = prefill.location?.lat;
        data.lon = prefill.location?.lon;
        data.address = prefill.address;
        data.assetRef = prefill.assetRef;
        data.reportLinkId = prefill.reportLinkId;
        data.linkLabel = prefill.label;
        data.assetName = await nameOfLinkedAsset(db, link.kommunenummer, link.assetId);
        data.suggested = prefill.suggestedCategories;
      }
    }
    if (typeof query.category === 'string') data.category = query.category;
    const lat = number(query.lat);
    const lon = number(query.lon);
    if (lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      data.lat = lat;
      data.lon = lon;
    }
    if (typeof query.asset === 'string' && query.asset.trim())
      data.assetRef = query.asset.trim().slice(0, 100);
    return { data, photos: [] };
  }

  app.get<SiteParams>('/:site/meld', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const start = await startingDraft(site, request.query as Record<string, unknown>);
    const tree = await listCategoryTree(db, site.municipality.kommunenummer, site.language);
    const active = new Set(tree.groups.flatMap((g) => g.categories.map((c) => c.code)));
    return sendPage(
      reply,
      formPage({
        site,
        tree,
        draft: start.data,
        draftId: start.id,
        photos: start.photos,
        formToken: tokenFor(site),
        suggested: (start.data.suggested ?? []).filter((code) => active.has(code)),
        linkLabel: start.data.linkLabel ? localize(start.data.linkLabel, site.language) : undefined,
        mapTiles: ctx.config.mapTileUrl
          ? { url: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution }
          : null,
        mapCenter: municipalityCenter(ctx, site.municipality.kommunenummer),
        addressSearch:
          ctx.config.addressSearchUrl || (await hasLocalAddresses(ctx.db.db, site.municipality.kommunenummer))
            ? `/api/v1/municipalities/${site.municipality.kommunenummer}/addresses`
            : undefined,
      }),
      200,
      reply.server.pageCsp,
      // A draft holds what the resident typed (name, e-mail, phone): never kept. An empty form may be.
      start.id ? 'personal' : 'public',
    );
  });

  app.post<SiteParams>(
    '/:site/meld',
    rateLimitedPage(ctx.config.reportRateLimitPerMinute),
    async (request, reply) => {
      const site = await resolveSite(db, request, reply, request.params.site);
      if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', messages.formExpired());
      // Photos go to temporary files, removed when this request's response closes, or here.
      const spool = uploadSpoolFor(reply);
      const purpose = `report:${site.municipality.kommunenummer}`;
      const post = await readFormPost(
        // throwFileSizeLimit is read by parts() but missing from its type: an oversized photo is a
        // message on the form (upload-spool.ts sees it truncated), not a failed post.
        request.parts({ limits: REPORT_FORM_LIMITS, throwFileSizeLimit: false } as Parameters<
          typeof request.parts
        >[0]),
        spool,
        (token) => isValidFormToken(ctx.secret, purpose, token),
      );
      let outcome: Awaited<ReturnType<typeof submitReportForm>>;
      try {
        outcome = await submitReportForm(ctx, site.municipality, site.language, post);
      } finally {
        await spool.removeAll();
      }
      // The hidden field only a robot fills in: refuse without saying more.
      if (outcome.kind === 'spam') throw new AppError(400, 'rejected', messages.formExpired());
      if (outcome.kind === 'invalid')
        return redirect(reply, site, `${site.base}/meld?utkast=${outcome.draftId}#error-summary`);
      return redirect(reply, site, `${site.base}/meld/${outcome.draftId}`);
    },
  );

  async function draftOr404(site: Site, id: string) {
    const draft = await loadDraft(db, site.municipality.kommunenummer, id);
    if (!draft) throw new AppError(404, 'draft_not_found', messages.draftNotFound());
    return draft;
  }

  app.get<DraftParams>('/:site/meld/:draft', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const draft = await draftOr404(site, request.params.draft);
    const tree = await listCategoryTree(db, site.municipality.kommunenummer, site.language);
    const category = tree.groups.flatMap((g) => g.categories).find((c) => c.code === draft.data.category);
    const nearby =
      draft.data.lat !== undefined && draft.data.lon !== undefined && draft.data.category
        ? await findNearbyReports(db, {
            kommunenummer: site.municipality.kommunenummer,
            categoryCode: draft.data.category,
            lat: draft.data.lat,
            lon: draft.data.lon,
            audience: 'public',
          })
        : [];
    return sendPage(
      reply,
      reviewPage({
        site,
        draft,
        category,
        nearby,
        formToken: tokenFor(site),
        followToken: issueFormToken(ctx.secret, 'follow'),
      }),
    );
  });

  app.post<DraftParams>(
    '/:site/meld/:draft/send',
    rateLimitedPage(ctx.config.reportRateLimitPerMinute),
    async (request, reply) => {
      const site = await resolveSite(db, request, reply, request.params.site);
      const draft = await draftOr404(site, request.params.draft);
      // The send form has the token and nothing else (form-fields.ts drops anything more).
      const { fields } = readUrlencoded(request.body, { fields: TOKEN_FIELD });
      if (
        !isValidFormToken(
          ctx.secret,
          `report:${site.municipality.kommunenummer}`,
          firstValue(fields, '_token'),
        )
      ) {
        const errors = [{ field: 'form', code: 'form_expired', message: messages.formExpired() }];
        await saveDraft(db, site.municipality.kommunenummer, { ...draft.data, errors }, draft.id);
        return redirect(reply, site, `${site.base}/meld?utkast=${draft.id}#error-summary`);
      }
      // Two sends of the same draft at once (a double tap): only the first goes through.
      if (!(await claimDraftForSending(db, draft.id)))
        return redirect(reply, site, `${site.base}/meld/${draft.id}`);
      try {
        const created = await createReport(
          { database: ctx.db, catalog: ctx.catalog, locator: ctx.locator },
          {
            ...reportInputFromDraft(
              draft.data,
              site.municipality,
              site.language,
              draft.data.reportLinkId ? 'qr' : 'web',
            ),
            photos: { draftId: draft.id },
          },
        );
        await deleteDraft(db, draft.id);
        const receipt = `${site.base}/meldinger/${created.ref}/kvittering?token=${encodeURIComponent(created.trackingToken)}`;
        return redirect(reply, site, receipt);
      } catch (error) {
        await releaseDraft(db, draft.id);
        if (!(error instanceof AppError) || error.status !== 422) throw error;
        // Something changed since the review (a category switched off): back to the form, with why.
        await saveDraft(
          db,
          site.municipality.kommunenummer,
          {
            ...draft.data,
            errors:
              error.details.length > 0
                ? error.details
                : [{ field: 'form', code: error.code, message: error.localized }],
          },
          draft.id,
        );
        return redirect(reply, site, `${site.base}/meld?utkast=${draft.id}#error-summary`);
      }
    },
  );
};
