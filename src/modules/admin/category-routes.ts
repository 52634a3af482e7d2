// Category groups and categories: list, create, change (deactivate with active=false), reorder.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import {
  ADMIN_PREFIX,
  ADMIN_TAGS,
  CategoryCreateBody,
  CategoryResponse,
  CategoryUpdateBody,
  GroupCreateBody,
  GroupResponse,
  GroupUpdateBody,
  IdParams,
  KommunenummerParams,
  ReorderBody,
} from './admin-http-schemas.ts';
import { listCategories, listGroups, presentCategory, presentGroup } from './category-queries.ts';
import { createCategory } from './create-category.ts';
import { createGroup } from './create-group.ts';
import { reorderCategories } from './reorder-categories.ts';
import { updateCategory } from './update-category.ts';
import { updateGroup } from './update-group.ts';

const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };
const tags = ADMIN_TAGS;
const config = { policy: 'admin.categories' as const };

export const categoryAdminRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    `${ADMIN_PREFIX}/groups`,
    {
      config,
      schema: {
        tags,
        summary: 'Category groups, inactive ones included',
        params: KommunenummerParams,
        response: { 200: Type.Object({ groups: Type.Array(GroupResponse) }), ...errors },
      },
    },
    async (request) => ({
      groups: (await listGroups(ctx.db.db, request.params.kommunenummer)).map(presentGroup),
    }),
  );

  app.post(
    `${ADMIN_PREFIX}/groups`,
    {
      config,
      schema: {
        tags,
        summary: 'Create a category group',
        params: KommunenummerParams,
        body: GroupCreateBody,
        response: { 201: GroupResponse, ...errors, 409: errorResponseRef },
      },
    },
    async (request, reply) => {
      const group = await createGroup(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body,
      );
      return reply.code(201).send(group);
    },
  );

  app.put(
    `${ADMIN_PREFIX}/groups/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Change a category group (active=false hides it and its categories)',
        params: IdParams,
        body: GroupUpdateBody,
        response: { 200: GroupResponse, ...errors },
      },
    },
    async (request) =>
      updateGroup(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.params.id,
        request.body,
      ),
  );

  app.get(
    `${ADMIN_PREFIX}/categories`,
    {
      config,
      schema: {
        tags,
        summary: 'Categories with every field, inactive ones included',
        params: KommunenummerParams,
        response: { 200: Type.Object({ categories: Type.Array(CategoryResponse) }), ...errors },
      },
    },
    async (request) => ({
      categories: (await listCategories(ctx.db.db, request.params.kommunenummer)).map(presentCategory),
    }),
  );

  app.post(
    `${ADMIN_PREFIX}/categories`,
    {
      config,
      schema: {
        tags,
        summary: 'Create a category (shown on the public form at once)',
        params: KommunenummerParams,
        body: CategoryCreateBody,
        response: { 201: CategoryResponse, ...errors, 409: errorResponseRef },
      },
    },
    async (request, reply) => {
      const category = await createCategory(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body,
      );
      return reply.code(201).send(category);
    },
  );

  app.put(
    `${ADMIN_PREFIX}/categories/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Change a category; active=false deactivates it (categories are never deleted)',
        description:
          'Send only the fields to change. The code cannot be changed: it is the Open311 service_code.',
        params: IdParams,
        body: CategoryUpdateBody,
        response: { 200: CategoryResponse, ...errors },
      },
    },
    async (request) =>
      updateCategory(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.params.id,
        request.body,
      ),
  );

  app.post(
    `${ADMIN_PREFIX}/categories/order`,
    {
      config,
      schema: {
        tags,
        summary: 'Reorder the categories of one group',
        description: "`ids` must be exactly the group's categories (active or not), in the new order.",
        params: KommunenummerParams,
        body: ReorderBody,
        response: { 200: Type.Object({ categories: Type.Array(CategoryResponse) }), ...errors },
      },
    },
    async (request) => ({
      categories: await reorderCategories(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body.ids,
      ),
    }),
  );
};
