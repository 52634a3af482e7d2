// GET /api/v1/staff/m/{k}/directory: the names behind the ids on every staff screen (teams,
// people, categories) and the background map, for anyone who may read the inbox.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { STAFF_ROLES } from '../accounts/roles.ts';
import { STAFF_API_PREFIX } from '../accounts/staff-auth.ts';
import { getDirectory } from './get-directory.ts';

const Uuid = Type.String({ format: 'uuid' });

const DirectoryResponse = Type.Object({
  teams: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  people: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      roles: Type.Array(stringEnum(STAFF_ROLES)),
      teamIds: Type.Array(Uuid),
    }),
  ),
  groups: Type.Array(Type.Object({ id: Uuid, name: Type.String(), active: Type.Boolean() })),
  categories: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      name: Type.String(),
      groupId: Uuid,
      acute: Type.Boolean(),
      active: Type.Boolean(),
    }),
  ),
  map: Type.Object({
    tileUrl: Type.String({ description: 'Tile URL template ({z}/{x}/{y}); empty for no background tiles' }),
    attribution: Type.String(),
  }),
});

export const directoryRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    `${STAFF_API_PREFIX}/m/:kommunenummer/directory`,
    {
      config: { policy: 'inbox.read' },
      schema: {
        tags: ['staff: inbox'],
        summary: 'Teams, people, category groups and categories of the municipality, and the map tiles',
        params: Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) }),
        response: { 200: DirectoryResponse, 401: errorResponseRef, 403: errorResponseRef },
      },
    },
    async (request) => ({
      ...(await getDirectory(ctx.db.db, request.params.kommunenummer, requestLanguage(request))),
      map: { tileUrl: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution },
    }),
  );
};
