// Subscribing to notices on the residents' site (no script needed):
//
//   GET  /{site}/driftsmeldinger/abonner            the form
//   POST /{site}/driftsmeldinger/abonner            subscribe → "check your email / type the code"
//   POST /{site}/driftsmeldinger/abonner/kode       the SMS code (5 tries, 24 hours)
//   GET  /{site}/driftsmeldinger/abonner/bekreft    the emailed link: a button, nothing changes
//   POST /{site}/driftsmeldinger/abonner/bekreft    confirms the email
//
// The code form names its subscriber by a signed reference in a hidden field, so no URL holds an
// id, an email address or a phone number. The request logger redacts `token` (http/logging.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { isLanguage } from '../../shared/language.ts';
import { isEmailAddress } from '../../shared/text.ts';
import { searchLocalAddresses } from '../geo/local-addresses.ts';
import { normalizePhone } from '../reports/contact.ts';
import { type FieldTable, firstValue, readUrlencoded, TOKEN_FIELD } from '../web/form-fields.ts';
import { issueFormToken, isValidFormToken } from '../web/form-token.ts';
import { municipalityCenter } from '../web/municipality-center.ts';
import { pageConfig, rateLimitedPage, sendPage, sendUnframedPage } from '../web/page.ts';
import { resolveSite, type Site, siteHref } from '../web/site.ts';
import {
  confirmSubscriptionByCode,
  confirmSubscriptionByLink,
  findSubscriptionLink,
} from './confirm-subscription.ts';
import type { SubscriptionDeps } from './queue-confirmation.ts';
import { subscribe } from './subscribe.ts';
import {
  checkPage,
  confirmedPage,
  linkPage,
  type SubscribeFormState,
  type SubscribeMap,
  subscribeFormPage,
} from './subscribe-pages.ts';
import { readSubscriberRef } from './subscriber-secrets.ts';
import { SUBSCRIBE_TEXT, subscriptionMessages } from './subscription-texts.ts';

type SiteParams = { Params: { site: string }; Querystring: { token?: string } };

const PURPOSE = 'subscribe';
const SUBSCRIBE_FORM: FieldTable = {
  fields: {
    ...TOKEN_FIELD,
    adresse: { maxLength: 200 },
    epost: { maxLength: 254 },
    mobil: { maxLength: 40 },
    sprak: { maxLength: 5 },
    lat: { maxLength: 30 },
    lon: { maxLength: 30 },
  },
};
const CODE_FORM: FieldTable = { fields: { ...TOKEN_FIELD, ref: { maxLength: 60 }, code: { maxLength: 20 } } };

export function subscriptionDeps(ctx: AppContext): SubscriptionDeps {
  return {
    boss: ctx.jobs.boss,
    publicUrl: ctx.config.publicUrl,
    secret: ctx.secret,
    configured: { email: Boolean(ctx.config.smtpUrl), sms: Boolean(ctx.config.smsGatewayUrl) },
  };
}

/** A point typed as text: a finite number within its range, else undefined. */
function coordinate(text: string | undefined, limit: number): number | undefined {
  if (text === undefined || !/^-?\d{1,3}(\.\d{1,12})?$/.test(text)) return undefined;
  const value = Number(text);
  return Math.abs(value) <= limit ? value : undefined;
}

export const subscriptionPageRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  const deps = subscriptionDeps(ctx);
  const mapOf = (site: Site): SubscribeMap => ({
    center: municipalityCenter(ctx, site.municipality.kommunenummer),
    tiles: ctx.config.mapTileUrl
      ? { url: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution }
      : null,
  });
  const limited = rateLimitedPage(ctx.config.reportRateLimitPerMinute);

  app.get<SiteParams>('/:site/driftsmeldinger/abonner', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    return sendPage(
      reply,
      subscribeFormPage(site, issueFormToken(ctx.secret, PURPOSE), { values: {}, errors: [] }, mapOf(site)),
    );
  });

  app.post<SiteParams>('/:site/driftsmeldinger/abonner', limited, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    // Read through its field table first: every value bounded, control characters refused.
    const { fields, errors: inputErrors } = readUrlencoded(request.body, SUBSCRIBE_FORM);
    if (inputErrors.length > 0)
      throw new AppError(400, 'subscribe_input_refused', subscriptionMessages.formRefused());
    if (!isValidFormToken(ctx.secret, PURPOSE, firstValue(fields, '_token')))
      throw new AppError(400, 'form_expired', messages.formExpired());
    const t = SUBSCRIBE_TEXT[site.language];
    const values = {
      adresse: firstValue(fields, 'adresse'),
      epost: firstValue(fields, 'epost'),
      mobil: firstValue(fields, 'mobil'),
      sprak: firstValue(fields, 'sprak'),
      lat: firstValue(fields, 'lat'),
      lon: firstValue(fields, 'lon'),
    };
    const errors: SubscribeFormState['errors'] = [];
    let place: { address: string | null; lat: number; lon: number } | undefined;
    if (values.adresse) {
      const hits = await searchLocalAddresses(db, site.municipality.kommunenummer, values.adresse, 5);
      const hit = hits.find((h) => h.text.toLowerCase() === values.adresse?.toLowerCase()) ?? hits[0];
      if (hit) place = { address: hit.text, lat: hit.lat, lon: hit.lon };
      else errors.push({ field: 'adresse', message: t.addressNotFound });
    } else {
      const lat = coordinate(values.lat, 90);
      const lon = coordinate(values.lon, 180);
      if (lat === undefined || lon === undefined) errors.push({ field: 'adresse', message: t.needPlace });
      else if (ctx.locator.locate(lat, lon)?.kommunenummer !== site.municipality.kommunenummer)
        errors.push({ field: 'punkt', message: t.pointOutside });
      else place = { address: null, lat, lon };
    }
    const email = values.epost && isEmailAddress(values.epost) ? values.epost : null;
    if (values.epost && !email) errors.push({ field: 'epost', message: t.emailInvalid });
    const phone = values.mobil ? normalizePhone(values.mobil) : null;
    if (values.mobil && !phone) errors.push({ field: 'mobil', message: t.phoneInvalid });
    if (!values.epost && !values.mobil) errors.push({ field: 'epost', message: t.needContact });
    if (errors.length > 0 || !place) {
      const token = issueFormToken(ctx.secret, PURPOSE);
      return sendPage(reply, subscribeFormPage(site, token, { values, errors }, mapOf(site)), 422);
    }
    const language = isLanguage(values.sprak) ? values.sprak : site.language;
    const result = await subscribe(db, deps, {
      kommunenummer: site.municipality.kommunenummer,
      municipalityName: site.municipality.name,
      slug: site.municipality.slug,
      ...place,
      email,
      phone,
      language,
    });
    const formToken = issueFormToken(ctx.secret, PURPOSE);
    return sendPage(reply, checkPage(site, { ...result, formToken, place: place.address ?? t.thePlace }));
  });

  app.post<SiteParams>('/:site/driftsmeldinger/abonner/kode', limited, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const { fields, errors } = readUrlencoded(request.body, CODE_FORM);
    if (errors.length > 0)
      throw new AppError(400, 'subscribe_input_refused', subscriptionMessages.formRefused());
    if (!isValidFormToken(ctx.secret, PURPOSE, firstValue(fields, '_token')))
      throw new AppError(400, 'form_expired', messages.formExpired());
    const ref = firstValue(fields, 'ref') ?? '';
    const id = readSubscriberRef(ctx.secret, ref);
    if (!id) throw new AppError(404, 'subscription_link_invalid', subscriptionMessages.linkInvalid());
    const outcome = await confirmSubscriptionByCode(
      db,
      ctx.secret,
      site.municipality.kommunenummer,
      id,
      firstValue(fields, 'code'),
    );
    if (outcome.result === 'confirmed') return sendPage(reply, confirmedPage(site, 'sms', outcome.address));
    const t = SUBSCRIBE_TEXT[site.language];
    const state = {
      email: null,
      // The number is not shown again: the page only knows the reference.
      phone: '***',
      ref,
      formToken: issueFormToken(ctx.secret, PURPOSE),
      expired: outcome.result === 'expired',
      error: outcome.result === 'wrong' ? t.codeWrong(outcome.attemptsLeft) : t.codeMalformed,
    };
    return sendPage(reply, checkPage(site, state), 422);
  });

  function linkAction(site: Site, token: string) {
    return siteHref(
      site,
      `${site.base}/driftsmeldinger/abonner/bekreft?token=${encodeURIComponent(token)}&lang=${site.language}`,
    );
  }

  app.get<SiteParams>('/:site/driftsmeldinger/abonner/bekreft', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const link = await findSubscriptionLink(db, site.municipality.kommunenummer, request.query.token);
    if (link.confirmed) return sendUnframedPage(reply, confirmedPage(site, 'email', link.address));
    return sendUnframedPage(reply, linkPage(site, linkAction(site, request.query.token ?? '')));
  });

  app.post<SiteParams>('/:site/driftsmeldinger/abonner/bekreft', limited, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const done = await confirmSubscriptionByLink(db, site.municipality.kommunenummer, request.query.token);
    return sendUnframedPage(reply, confirmedPage(site, 'email', done.address));
  });
};
