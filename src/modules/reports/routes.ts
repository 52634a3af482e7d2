import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage, requestLanguage } from '../../http/language.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { idempotencySubject, readMultipartReport, uploadedPhotos } from '../photos/read-multipart-report.ts';
import { withStoredPhotos } from '../photos/store-photo.ts';
import { type CreatedReport, createReport } from './create-report.ts';
import { getPublicReport } from './get-public-report.ts';
import {
  CreatedReportResponse,
  CreateReportBody,
  ListReportsQuery,
  PublicReportResponse,
  ReportPageResponse,
  ReportRefParams,
  TrackingQuery,
} from './http-schemas.ts';
import {
  describeRequest,
  type EarlierReport,
  IDEMPOTENCY_KEY_PATTERN,
  type IdempotencyRequest,
  lookUpIdempotentAnswer,
} from './idempotency.ts';
import { listReportsForPublic, parseBbox, parseStatuses } from './list-public-reports.ts';

const errors = {
  400: errorResponseRef,
  403: errorResponseRef,
  404: errorResponseRef,
  413: errorResponseRef,
  415: errorResponseRef,
  422: errorResponseRef,
  429: errorResponseRef,
};

export function trackingUrl(
  publicUrl: string,
  report: Pick<CreatedReport, 'slug' | 'ref' | 'trackingToken'>,
): string {
  return `${publicUrl}/${report.slug}/meldinger/${report.ref}?token=${encodeURIComponent(report.trackingToken)}`;
}

export const reportRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/v1/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Submit a report',
        description: [
          'Creates a report. Send an `Idempotency-Key` header (8–255 visible characters) so a retry after a lost answer returns the first answer instead of creating a second report.',
          '',
          "With photos, send `multipart/form-data` instead: a text field `report` holding the JSON below, and up to 5 files named `photo` (JPEG, PNG, WebP or AVIF; at most 15 MB and 50 megapixels each; HEIC is refused). Photos are resized and stripped of all metadata, GPS positions included. A photo that cannot be used refuses the whole report (413, 415 or 422, naming `photo.N` in the details). Example: `curl -F 'report=<report.json' -F photo=@leak.jpg …`. With photos, the Idempotency-Key stands for the JSON and the bytes of each photo.",
        ].join('\n'),
        consumes: ['application/json', 'multipart/form-data'],
        headers: {
          type: 'object',
          // Long enough that a key of 256 or more characters reaches the route's own clearer refusal.
          properties: {
            'idempotency-key': { type: 'string', maxLength: 1024, description: 'Makes retries safe' },
          },
        },
        body: CreateReportBody,
        response: { 201: CreatedReportResponse, ...errors },
      },
      config: { rateLimit: { max: ctx.config.reportRateLimitPerMinute, timeWindow: '1 minute' } },
      preValidation: readMultipartReport,
    },
    async (request, reply) => {
      const photos = uploadedPhotos(request);
      const header = request.headers['idempotency-key'];
      const key = Array.isArray(header) ? header[0] : header;
      let idempotency: IdempotencyRequest | undefined;
      if (key !== undefined) {
        if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
          throw new AppError(400, 'invalid_idempotency_key', messages.idempotencyKeyInvalid());
        }
        idempotency = describeRequest(key, idempotencySubject(request.body, photos));
        const earlier = await replay(idempotency);
        if (earlier) return reply.status(201).header('idempotent-replayed', 'true').send(present(earlier));
      }

      const body = request.body;
      try {
        // The photos are stored first and removed again if the report is refused.
        const created = await withStoredPhotos(
          ctx.photos,
          photos.map((photo) => photo.path),
          (stored) =>
            createReport(
              { database: ctx.db, catalog: ctx.catalog, locator: ctx.locator },
              {
                category: body.category,
                municipality: body.municipality,
                location: body.location,
                address: body.address,
                description: body.description,
                answers: body.answers,
                contact: body.contact,
                photos: { stored },
                channel: 'api',
                language: askedLanguage(request),
              },
              idempotency,
            ),
        );
        return reply.status(201).send(present(created));
      } catch (error) {
        // The same key in flight twice: the other request committed first; answer as it did.
        if (idempotency && pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
          const earlier = await replay(idempotency);
          if (earlier) return reply.status(201).header('idempotent-replayed', 'true').send(present(earlier));
        }
        throw error;
      }
    },
  );

  function present(report: Pick<CreatedReport, 'id' | 'ref' | 'slug' | 'acute' | 'trackingToken'>) {
    return {
      id: report.id,
      ref: report.ref,
      // A new report is always received; a replay repeats the first answer.
      status: 'mottatt' as const,
      acute: report.acute,
      trackingToken: report.trackingToken,
      trackingUrl: trackingUrl(ctx.config.publicUrl, report),
    };
  }

  async function replay(idempotency: IdempotencyRequest): Promise<EarlierReport | undefined> {
    const found = await lookUpIdempotentAnswer(ctx.db.db, idempotency);
    if (found.kind === 'mismatch')
      throw new AppError(422, 'idempotency_key_reused', messages.idempotencyKeyReused());
    return found.kind === 'replay' ? found.report : undefined;
  }

  app.get(
    '/api/v1/reports/:ref',
    {
      schema: {
        tags: ['reports'],
        summary: 'The public view of a report',
        description:
          'Never contains contact details or internal notes. Where the category keeps the place private, `address` is null and `location` is the middle of a 500 m grid cell (`approximate: true`) or null. With `token` (the tracking token from the receipt) the reporter sees their own place in full and their own contact choices.',
        params: ReportRefParams,
        querystring: TrackingQuery,
        response: { 200: PublicReportResponse, ...errors },
      },
    },
    async (request) =>
      getPublicReport(ctx.db.db, request.params.ref, askedLanguage(request), request.query.token),
  );

  app.get(
    '/api/v1/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Reports for maps and lists',
        description:
          'Public fields only, newest first, paginated with `cursor`. Places are shown as far as each category allows (see the single report); `bbox` filters on the place as shown, so a report whose category hides its place is never found by it.',
        querystring: ListReportsQuery,
        response: { 200: ReportPageResponse, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return listReportsForPublic(
        ctx.db.db,
        {
          kommunenummer: q.municipality,
          bbox: q.bbox ? parseBbox(q.bbox) : undefined,
          statuses: q.status ? parseStatuses(q.status) : undefined,
          categoryCode: q.category,
          groupCode: q.group,
          cursor: q.cursor,
          limit: q.limit ?? 100,
        },
        requestLanguage(request),
      );
    },
  );
};
