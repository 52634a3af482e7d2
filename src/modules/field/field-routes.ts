// The field app's own endpoints. Task details, status changes, notes and photos use the case
// endpoints (cases/case-routes.ts); these are what only a crew needs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage } from '../../http/language.ts';
import { AppError } from '../../shared/errors.ts';
import { STAFF_API_PREFIX, staffOf } from '../accounts/staff-auth.ts';
import { MunicipalityParams } from '../cases/case-http-schemas.ts';
import { idempotencySubject, readMultipartReport, uploadedPhotos } from '../photos/read-multipart-report.ts';
import { withStoredPhotos } from '../photos/store-photo.ts';
import {
  DEVICE_POSITION_HEADER,
  FieldReportBody,
  FieldReportResponse,
  IdempotencyHeaders,
  TasksHeaders,
  TasksQuery,
  TasksResponse,
} from './field-http-schemas.ts';
import { fieldMessages } from './field-messages.ts';
import { listFieldTasks } from './list-field-tasks.ts';
import { earlierFieldReport, fieldIdempotency, registerFieldReport } from './register-field-report.ts';
import { idempotencyKeyOf, REPLAYED_HEADER } from './staff-receipts.ts';

const BASE = `${STAFF_API_PREFIX}/m/:kommunenummer/field`;
const TAGS = ['staff: field'];
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef };
const reportErrors = {
  ...errors,
  404: errorResponseRef,
  413: errorResponseRef,
  415: errorResponseRef,
  422: errorResponseRef,
  503: errorResponseRef,
};

/** The `Device-Position` header's point (its format is checked by the schema), or null without one. */
function devicePosition(header: string | undefined): { lat: number; lon: number } | null {
  if (header === undefined) return null;
  const [lat = Number.NaN, lon = Number.NaN] = header.split(',').map(Number);
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
    throw new AppError(400, 'position_out_of_range', fieldMessages.positionOutOfRange());
  }
  return { lat, lon };
}

export const fieldRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  app.get(
    `${BASE}/tasks`,
    {
      config: { policy: 'field.tasks' },
      schema: {
        tags: TAGS,
        summary: 'Open reports assigned to me or my teams, by priority, then distance from me, then age',
        description:
          'Where I am goes in the `Device-Position` header (`lat,lon`), never in the URL: a position is personal data and URLs end up in access logs. Without it the distance is null and the list is by priority and age. The position is neither stored nor logged.',
        params: MunicipalityParams,
        querystring: TasksQuery,
        headers: TasksHeaders,
        response: { 200: TasksResponse, ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { scope = 'mine' } = request.query;
      const position = devicePosition(request.headers[DEVICE_POSITION_HEADER]);
      const tasks = await listFieldTasks(
        db,
        { userId: staff.userId, kommunenummer: request.params.kommunenummer, scope, position },
        askedLanguage(request) ?? staff.language,
      );
      reply.header('cache-control', 'no-store');
      return { tasks };
    },
  );

  app.post(
    `${BASE}/reports`,
    {
      config: { policy: 'field.tasks' },
      schema: {
        tags: TAGS,
        summary:
          'Register a report from the field (channel felt), as the staff member, without resident contact',
        description:
          "JSON, or with photos `multipart/form-data`: a text field `report` holding the JSON and up to 5 files named `photo` (as the public intake). Same checks, numbering and alerts as every channel; the place must be in this municipality; `assetId` names a registered asset of it. With an `Idempotency-Key` header (1–100 of A–Z a–z 0–9 - _; kept 24 hours, per staff member, standing for the JSON and each photo's bytes), a retry answers the first report again (201, `Idempotency-Replayed: true`) and the same key with another request 422.",
        consumes: ['application/json', 'multipart/form-data'],
        params: MunicipalityParams,
        headers: IdempotencyHeaders,
        body: FieldReportBody,
        response: { 201: FieldReportResponse, ...reportErrors },
      },
      preValidation: readMultipartReport,
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const photos = uploadedPhotos(request);
      const key = idempotencyKeyOf(request);
      const idempotency =
        key === null
          ? undefined
          : fieldIdempotency(
              staff.userId,
              request.params.kommunenummer,
              key,
              idempotencySubject(request.body, photos),
            );
      const deps = { database: ctx.db, catalog: ctx.catalog, locator: ctx.locator };
      const earlier = idempotency ? await earlierFieldReport(ctx.db, idempotency) : undefined;
      const answer =
        earlier ??
        (await withStoredPhotos(
          ctx.photos,
          photos.map((photo) => photo.path),
          (stored) =>
            registerFieldReport(
              deps,
              // The URL's municipality (the one the policy was checked for) comes last: a
              // `kommunenummer` in the body must never replace it.
              { ...request.body, kommunenummer: request.params.kommunenummer },
              { userId: staff.userId, language: staff.language },
              stored,
              idempotency,
            ),
        ));
      if (answer.replayed) reply.header(REPLAYED_HEADER, 'true');
      return reply.status(201).send({ id: answer.id, reference: answer.reference });
    },
  );
};
