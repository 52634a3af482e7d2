// Front desk: register a report from a phone call or a visit, look up the caller's earlier
// reports, and see open reports near the place before saving.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage } from '../../http/language.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { findCallerReports } from './find-caller-reports.ts';
import {
  CallerLookupBody,
  CallerReportsResponse,
  FrontDeskReportBody,
  FrontDeskReportResponse,
  MunicipalityParams,
  NearbyQuery,
  NearbyReportsResponse,
} from './front-desk-http-schemas.ts';
import { findOpenReportsNearby } from './front-desk-nearby.ts';
import { registerFrontDeskReport } from './register-front-desk-report.ts';

const PREFIX = '/api/v1/staff/m/:kommunenummer/front-desk';
const TAGS = ['staff: front desk'];
const errors = {
  400: errorResponseRef,
  401: errorResponseRef,
  403: errorResponseRef,
  404: errorResponseRef,
  422: errorResponseRef,
};

export const frontDeskRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    `${PREFIX}/reports`,
    {
      schema: {
        tags: TAGS,
        summary: "Register a report on a caller's behalf",
        description:
          'Goes through the same intake as the public API (same checks, receipt and numbering), with channel `telefon` or `skranke`; the history records the staff member as the one who registered it. A refusal names each field as this body does (`categoryId`, `lat`, `address`, `contact.phone`…).',
        params: MunicipalityParams,
        body: FrontDeskReportBody,
        response: { 201: FrontDeskReportResponse, ...errors },
      },
      config: { policy: 'front_desk.register' },
    },
    async (request, reply) => {
      // The URL's municipality (the one the policy was checked for) comes last: a `kommunenummer`
      // sent in the body or query must never replace it (schemas do not strip unknown keys).
      const created = await registerFrontDeskReport(
        { database: ctx.db, catalog: ctx.catalog, locator: ctx.locator },
        { ...request.body, kommunenummer: request.params.kommunenummer },
        staffOf(request).userId,
      );
      return reply.status(201).send(created);
    },
  );

  // A POST, not a GET with a query: the number and address searched for must not end up in the
  // request log, a proxy's log or the browser's history.
  app.post(
    `${PREFIX}/caller`,
    {
      schema: {
        tags: TAGS,
        summary: "A caller's earlier reports",
        description:
          'By phone number (any common Norwegian format) and/or email address in the JSON body; at least one. Newest first, at most 20. Each lookup is written to the audit log (`report.caller_lookup`) without the number or address searched for.',
        params: MunicipalityParams,
        body: CallerLookupBody,
        response: { 200: CallerReportsResponse, ...errors },
      },
      config: { policy: 'front_desk.lookup_caller' },
    },
    async (request) => {
      const staff = staffOf(request);
      const reports = await findCallerReports(
        ctx.db.db,
        { ...request.body, kommunenummer: request.params.kommunenummer },
        staff.userId,
        askedLanguage(request) ?? staff.language,
      );
      return { reports };
    },
  );

  app.get(
    `${PREFIX}/nearby`,
    {
      schema: {
        tags: TAGS,
        summary: 'Open reports of a category near a point',
        description:
          "Open reports of the same category from the last 30 days within the category's radius, nearest first (at most 5), with their distance.",
        params: MunicipalityParams,
        querystring: NearbyQuery,
        response: { 200: NearbyReportsResponse, ...errors },
      },
      config: { policy: 'front_desk.register' },
    },
    async (request) => {
      const staff = staffOf(request);
      const reports = await findOpenReportsNearby(
        ctx.db.db,
        { ...request.query, kommunenummer: request.params.kommunenummer },
        askedLanguage(request) ?? staff.language,
      );
      return { reports };
    },
  );
};
