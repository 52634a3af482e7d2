// Administration: settings, categories, teams, users, templates, report links, audit log and the
// municipality's identity provider. Each area's routes live in their own file; all are admin-only
// (the admin.* policies) and every change is written to the audit log by its use case.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { categoryAdminRoutes } from './category-routes.ts';
import { invitationAdminRoutes } from './invitation-admin-routes.ts';
import { linkAndTemplateAdminRoutes } from './link-template-routes.ts';
import { settingsAdminRoutes } from './settings-routes.ts';
import { userSessionAdminRoutes } from './user-session-routes.ts';
import { userAndTeamAdminRoutes } from './user-team-routes.ts';

export const adminRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(settingsAdminRoutes, { ctx });
  await app.register(categoryAdminRoutes, { ctx });
  await app.register(userAndTeamAdminRoutes, { ctx });
  await app.register(userSessionAdminRoutes, { ctx });
  await app.register(invitationAdminRoutes, { ctx });
  await app.register(linkAndTemplateAdminRoutes, { ctx });
};
