// Teams and staff accounts with their roles in this municipality.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import {
  ADMIN_PREFIX,
  ADMIN_TAGS,
  IdParams,
  KommunenummerParams,
  TeamCreateBody,
  TeamResponse,
  TeamUpdateBody,
  UserResponse,
  UserUpdateBody,
} from './admin-http-schemas.ts';
import { createTeam } from './create-team.ts';
import { listTeams } from './team-queries.ts';
import { updateTeam } from './update-team.ts';
import { updateUser } from './update-user.ts';
import { listUsers } from './user-queries.ts';

const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };
const tags = ADMIN_TAGS;

export const userAndTeamAdminRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    `${ADMIN_PREFIX}/teams`,
    {
      config: { policy: 'admin.teams' },
      schema: {
        tags,
        summary: 'Teams',
        params: KommunenummerParams,
        response: { 200: Type.Object({ teams: Type.Array(TeamResponse) }), ...errors },
      },
    },
    async (request) => ({ teams: await listTeams(ctx.db.db, request.params.kommunenummer) }),
  );

  app.post(
    `${ADMIN_PREFIX}/teams`,
    {
      config: { policy: 'admin.teams' },
      schema: {
        tags,
        summary: 'Create a team',
        params: KommunenummerParams,
        body: TeamCreateBody,
        response: { 201: TeamResponse, ...errors, 409: errorResponseRef },
      },
    },
    async (request, reply) => {
      const team = await createTeam(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body,
      );
      return reply.code(201).send(team);
    },
  );

  app.put(
    `${ADMIN_PREFIX}/teams/:id`,
    {
      config: { policy: 'admin.teams' },
      schema: {
        tags,
        summary: 'Rename a team',
        params: IdParams,
        body: TeamUpdateBody,
        response: { 200: TeamResponse, ...errors },
      },
    },
    async (request) =>
      updateTeam(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.params.id,
        request.body,
      ),
  );

  app.get(
    `${ADMIN_PREFIX}/users`,
    {
      config: { policy: 'admin.users' },
      schema: {
        tags,
        summary: 'Staff with a role in this municipality, with their roles and teams here',
        params: KommunenummerParams,
        response: { 200: Type.Object({ users: Type.Array(UserResponse) }), ...errors },
      },
    },
    async (request) => ({
      users: await listUsers(ctx.db.db, request.params.kommunenummer, staffOf(request)),
    }),
  );

  app.put(
    `${ADMIN_PREFIX}/users/:id`,
    {
      config: { policy: 'admin.users' },
      schema: {
        tags,
        summary: "Change a staff member's roles and teams here, and the account's name, language or activity",
        description:
          'Roles and teams replace those in this municipality. The account itself (name, email, language, active) only if you are an administrator of every municipality it works for, else 403 `account_shared` (see `accountEditable`); email only for a platform operator. A value sent unchanged is not a change. active=false ends every session. You cannot remove your own admin role.',
        params: IdParams,
        body: UserUpdateBody,
        response: { 200: UserResponse, ...errors, 409: errorResponseRef },
      },
    },
    async (request) =>
      updateUser(ctx.db.db, staffOf(request), request.params.kommunenummer, request.params.id, request.body),
  );
};
