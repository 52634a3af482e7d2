// Reply templates and report links (QR stickers).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { recentScanDays } from '../report-links/scan-days.ts';
import {
  ADMIN_PREFIX,
  ADMIN_TAGS,
  IdParams,
  KommunenummerParams,
  ReportLinkCreateBody,
  ReportLinkResponse,
  ReportLinkUpdateBody,
  TemplateCreateBody,
  TemplateResponse,
  TemplateUpdateBody,
} from './admin-http-schemas.ts';
import { createReportLink } from './create-report-link.ts';
import { createTemplate } from './create-template.ts';
import { listReportLinks, presentReportLink } from './report-link-queries.ts';
import { listTemplates } from './template-queries.ts';
import { updateReportLink } from './update-report-link.ts';
import { updateTemplate } from './update-template.ts';

const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };
const tags = ADMIN_TAGS;

export const linkAndTemplateAdminRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    `${ADMIN_PREFIX}/templates`,
    {
      config: { policy: 'admin.templates' },
      schema: {
        tags,
        summary: 'Reply templates, inactive ones included',
        params: KommunenummerParams,
        response: { 200: Type.Object({ templates: Type.Array(TemplateResponse) }), ...errors },
      },
    },
    async (request) => ({ templates: await listTemplates(ctx.db.db, request.params.kommunenummer) }),
  );

  app.post(
    `${ADMIN_PREFIX}/templates`,
    {
      config: { policy: 'admin.templates' },
      schema: {
        tags,
        summary: 'Create a reply template',
        description: 'Placeholders such as {ref}, {category} and {address} are filled in for each report.',
        params: KommunenummerParams,
        body: TemplateCreateBody,
        response: { 201: TemplateResponse, ...errors },
      },
    },
    async (request, reply) => {
      const template = await createTemplate(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body,
      );
      return reply.code(201).send(template);
    },
  );

  app.put(
    `${ADMIN_PREFIX}/templates/:id`,
    {
      config: { policy: 'admin.templates' },
      schema: {
        tags,
        summary: 'Change a reply template (active=false stops offering it)',
        params: IdParams,
        body: TemplateUpdateBody,
        response: { 200: TemplateResponse, ...errors },
      },
    },
    async (request) =>
      updateTemplate(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.params.id,
        request.body,
      ),
  );

  app.get(
    `${ADMIN_PREFIX}/report-links`,
    {
      config: { policy: 'admin.report_links' },
      schema: {
        tags,
        summary: 'Report links (QR stickers), newest first',
        params: KommunenummerParams,
        response: { 200: Type.Object({ links: Type.Array(ReportLinkResponse) }), ...errors },
      },
    },
    async (request) => {
      const { kommunenummer } = request.params;
      const [rows, scans] = await Promise.all([
        listReportLinks(ctx.db.db, kommunenummer),
        recentScanDays(ctx.db.db, { kommunenummer }),
      ]);
      return { links: rows.map((row) => presentReportLink(row, ctx.config.publicUrl, scans.get(row.id))) };
    },
  );

  app.post(
    `${ADMIN_PREFIX}/report-links`,
    {
      config: { policy: 'admin.report_links' },
      schema: {
        tags,
        summary: 'Create a report link for a QR sticker',
        params: KommunenummerParams,
        body: ReportLinkCreateBody,
        response: { 201: ReportLinkResponse, ...errors, 409: errorResponseRef },
      },
    },
    async (request, reply) => {
      const link = await createReportLink(
        ctx,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body,
      );
      return reply.code(201).send(link);
    },
  );

  app.put(
    `${ADMIN_PREFIX}/report-links/:id`,
    {
      config: { policy: 'admin.report_links' },
      schema: {
        tags,
        summary: 'Change a report link (active=false takes the sticker out of use)',
        params: IdParams,
        body: ReportLinkUpdateBody,
        response: { 200: ReportLinkResponse, ...errors },
      },
    },
    async (request) =>
      updateReportLink(
        ctx,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.params.id,
        request.body,
      ),
  );
};
