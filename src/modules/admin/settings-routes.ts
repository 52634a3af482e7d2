// Municipality settings, the identity provider for staff login, and the audit log.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import {
  ADMIN_PREFIX,
  ADMIN_TAGS,
  AuditQuery,
  AuditResponse,
  KommunenummerParams,
  OidcSettingsBody,
  OidcSettingsResponse,
  SettingsBody,
  SettingsResponse,
} from './admin-http-schemas.ts';
import { listAudit } from './list-audit.ts';
import { getOidcSettings, updateOidcSettings } from './update-oidc-settings.ts';
import { getSettings, updateSettings } from './update-settings.ts';

const PREFIX = ADMIN_PREFIX;
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };
const tags = ADMIN_TAGS;

export const settingsAdminRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    `${PREFIX}/settings`,
    {
      config: { policy: 'admin.settings' },
      schema: {
        tags,
        summary: "The municipality's settings",
        params: KommunenummerParams,
        response: { 200: SettingsResponse, ...errors },
      },
    },
    async (request) => getSettings(ctx.db.db, request.params.kommunenummer),
  );

  app.put(
    `${PREFIX}/settings`,
    {
      config: { policy: 'admin.settings' },
      schema: {
        tags,
        summary: "Change the municipality's settings",
        description:
          'The slug must be free; languages a subset of nb, nn, en including the default; white text on the brand colour must reach 4.5:1; the logo https or a path.',
        params: KommunenummerParams,
        body: SettingsBody,
        response: { 200: SettingsResponse, ...errors, 409: errorResponseRef },
      },
    },
    async (request) =>
      updateSettings(ctx.db.db, staffOf(request).userId, request.params.kommunenummer, request.body),
  );

  app.get(
    `${PREFIX}/oidc`,
    {
      config: { policy: 'admin.settings' },
      schema: {
        tags,
        summary: 'The identity provider staff log in with (the client secret is never returned)',
        params: KommunenummerParams,
        response: { 200: OidcSettingsResponse, ...errors },
      },
    },
    async (request) => getOidcSettings(ctx.db.db, request.params.kommunenummer, ctx.config.publicUrl),
  );

  app.put(
    `${PREFIX}/oidc`,
    {
      config: { policy: 'admin.settings' },
      schema: {
        tags,
        summary: 'Set up or change the identity provider for staff login',
        description:
          'The client secret is write-only (stored encrypted): leave it out to keep the stored one. An issuer on a loopback, private or link-local address is refused with 422 unless OIDC_ALLOW_PRIVATE_ISSUERS is set.',
        params: KommunenummerParams,
        body: OidcSettingsBody,
        response: { 200: OidcSettingsResponse, ...errors, 422: errorResponseRef },
      },
    },
    async (request) =>
      updateOidcSettings(
        { db: ctx.db.db, keyring: ctx.keyring, allowPrivateIssuers: ctx.config.oidcAllowPrivateIssuers },
        staffOf(request).userId,
        request.params.kommunenummer,
        ctx.config.publicUrl,
        request.body,
      ),
  );

  app.get(
    `${PREFIX}/audit`,
    {
      config: { policy: 'admin.audit' },
      schema: {
        tags,
        summary: 'The audit log: who changed or looked at what, newest first',
        params: KommunenummerParams,
        querystring: AuditQuery,
        response: { 200: AuditResponse, ...errors },
      },
    },
    async (request) =>
      listAudit(ctx.db.db, request.params.kommunenummer, request.query.cursor, request.query.limit ?? 50),
  );
};
