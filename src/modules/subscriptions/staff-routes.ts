// Notice subscribers for staff: list (paged, search by address), one (contact details only for
// roles with case.read_contact, each look audited), enter one at the desk, flag as vulnerable,
// unsubscribe, and the admin's CSV import. Who may do what is in accounts/policies.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { may } from '../accounts/policies.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { municipalities } from '../tenants/schema.ts';
import { createSubscriberByStaff, removeSubscriber, setVulnerable } from './change-subscriber.ts';
import {
  IMPORT_BODY_LIMIT,
  ImportResult,
  KommunenummerParams,
  SUBSCRIBER_TAGS,
  SUBSCRIBERS_PREFIX,
  SubscriberCreateBody,
  SubscriberDetail,
  SubscriberList,
  SubscriberListQuery,
  SubscriberParams,
  VulnerableBody,
} from './http-schemas.ts';
import { importSubscribers } from './import-subscribers.ts';
import { getSubscriber, listSubscribers } from './subscriber-queries.ts';

const tags = SUBSCRIBER_TAGS;
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };
const changeErrors = { ...errors, 413: errorResponseRef, 415: errorResponseRef, 422: errorResponseRef };

export const subscriberStaffRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  // The import's body is the CSV file itself (this plugin only; the rest of the API stays JSON).
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.get(
    SUBSCRIBERS_PREFIX,
    {
      config: { policy: 'subscriber.read' },
      schema: {
        tags,
        summary: 'Subscribers to notices, newest first, 50 a page, with the confirmed channels counted',
        params: KommunenummerParams,
        querystring: SubscriberListQuery,
        response: { 200: SubscriberList, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listSubscribers(db, request.params.kommunenummer, request.query);
    },
  );

  app.get(
    `${SUBSCRIBERS_PREFIX}/:id`,
    {
      config: { policy: 'subscriber.read' },
      schema: {
        tags,
        summary:
          'One subscriber; contact details and the vulnerable note for roles allowed to see them (audited)',
        params: SubscriberParams,
        response: { 200: SubscriberDetail, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const staff = staffOf(request);
      const { kommunenummer, id } = request.params;
      return getSubscriber(db, kommunenummer, id, {
        actorId: staff.userId,
        contactVisible: may(staff, 'case.read_contact', kommunenummer),
      });
    },
  );

  app.post(
    SUBSCRIBERS_PREFIX,
    {
      config: { policy: 'subscriber.manage' },
      schema: {
        tags,
        summary: 'Enter a subscriber who consented at the desk (channels count as confirmed)',
        params: KommunenummerParams,
        body: SubscriberCreateBody,
        response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }), ...changeErrors },
      },
    },
    async (request, reply) => {
      const id = await createSubscriberByStaff(
        db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body,
      );
      return reply.code(201).send({ id });
    },
  );

  app.put(
    `${SUBSCRIBERS_PREFIX}/:id/vulnerable`,
    {
      config: { policy: 'subscriber.manage' },
      schema: {
        tags,
        summary:
          'Flag or unflag a subscriber as vulnerable (sårbar abonnent), with a note and a name to ask for',
        params: SubscriberParams,
        body: VulnerableBody,
        response: { 204: Type.Null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      const { kommunenummer, id } = request.params;
      await setVulnerable(db, staffOf(request).userId, kommunenummer, id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    `${SUBSCRIBERS_PREFIX}/:id`,
    {
      config: { policy: 'subscriber.manage' },
      schema: {
        tags,
        summary: 'Unsubscribe: the row stays for the notices’ counts, its personal fields are cleared',
        params: SubscriberParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { kommunenummer, id } = request.params;
      await removeSubscriber(db, staffOf(request).userId, kommunenummer, id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${SUBSCRIBERS_PREFIX}/import`,
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { policy: 'subscriber.import' },
      schema: {
        tags,
        summary: 'Import subscribers from CSV (with a consent column); at most 5 MiB',
        description:
          'Body: the CSV file (text/csv), UTF-8, header row, `;` or `,`. Columns adresse (or lat + lon), epost, mobil, språk, samtykke (ja/yes/true/1, required), sårbar, merknad, navn. Answers how many lines were accepted, already there, and rejected (with line numbers and reasons in the caller’s language).',
        consumes: ['text/csv'],
        params: KommunenummerParams,
        body: Type.String({ maxLength: IMPORT_BODY_LIMIT }),
        response: { 200: ImportResult, ...changeErrors },
      },
    },
    async (request) => {
      const { kommunenummer } = request.params;
      const [municipality] = await db
        .select({ defaultLanguage: municipalities.defaultLanguage })
        .from(municipalities)
        .where(eq(municipalities.kommunenummer, kommunenummer));
      return importSubscribers(db, staffOf(request).userId, kommunenummer, request.body, {
        language: requestLanguage(request),
        defaultLanguage: municipality?.defaultLanguage ?? 'nb',
      });
    },
  );
};
