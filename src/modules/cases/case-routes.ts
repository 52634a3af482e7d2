// One case: everything about a report, and the actions on it. Each action runs one use case in
// one transaction and answers with the case as it now is (with its new version).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import type { Queryable } from '../../db/client.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage, requestLanguage } from '../../http/language.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { AppError } from '../../shared/errors.ts';
import { may } from '../accounts/policies.ts';
import { STAFF_API_PREFIX, staffOf } from '../accounts/staff-auth.ts';
import { IdempotencyHeaders } from '../field/field-http-schemas.ts';
import { answerOnce, earlierAnswer, REPLAYED_HEADER } from '../field/staff-receipts.ts';
import { withStoredPhotos } from '../photos/store-photo.ts';
import { REPORT_STATUSES } from '../reports/statuses.ts';
import { addInternalNote } from './add-internal-note.ts';
import { addStaffPhoto } from './add-staff-photo.ts';
import { assignReport } from './assign-report.ts';
import { bulkUpdate } from './bulk-update.ts';
import type { CaseActor } from './case-changes.ts';
import {
  AssignmentBody,
  BulkBody,
  BulkResponse,
  CaseHandlingBody,
  CaseParams,
  CasePhotoParams,
  CaseResponse,
  ContactResponse,
  CorrectionBody,
  ForwardBody,
  MergeBody,
  MunicipalityParams,
  NoteBody,
  PriorityBody,
  ReplyBody,
  ReplyTemplatesResponse,
  StatusBody,
} from './case-http-schemas.ts';
import { caseMessages } from './case-messages.ts';
import { changePriority } from './change-priority.ts';
import { changeStatus } from './change-status.ts';
import { correctReport } from './correct-report.ts';
import { flagCaseHandling } from './flag-case-handling.ts';
import { forwardReport } from './forward-report.ts';
import { getCase } from './get-case.ts';
import { getCasePhoto } from './get-case-photo.ts';
import { listReplyTemplates } from './list-reply-templates.ts';
import { mergeReports } from './merge-reports.ts';
import { presentCase } from './present-case.ts';
import { readStaffPhoto } from './read-staff-photo.ts';
import { replyPublicly } from './reply-publicly.ts';
import { viewContact } from './view-contact.ts';

const BASE = `${STAFF_API_PREFIX}/m/:kommunenummer/reports`;
/** What the actions that take an Idempotency-Key (the field app's offline queue) say about it. */
const ONCE =
  'With an `Idempotency-Key` header (1–100 of A–Z a–z 0–9 - _), a retry gets the first answer again with `Idempotency-Replayed: true` instead of acting twice; the same key with another request answers 422.';
const TAGS = ['staff: case'];
const errors = {
  400: errorResponseRef,
  401: errorResponseRef,
  403: errorResponseRef,
  404: errorResponseRef,
  409: errorResponseRef,
};

function actorOf(request: FastifyRequest<{ Params: { kommunenummer: string } }>): CaseActor {
  return { userId: staffOf(request).userId, kommunenummer: request.params.kommunenummer };
}

export const caseRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  async function caseFor(
    request: FastifyRequest<{ Params: { kommunenummer: string; id: string } }>,
    q: Queryable = db,
  ) {
    const staff = staffOf(request);
    const data = await getCase(q, request.params.kommunenummer, request.params.id);
    return presentCase(data, staff, askedLanguage(request) ?? staff.language);
  }

  /** An action's schema: the case parameters, its body, and the updated case in answer. */
  const action = <B>(summary: string, body: B, extra: { description?: string } = {}) => ({
    tags: TAGS,
    summary,
    ...extra,
    params: CaseParams,
    ...(extra.description === undefined ? {} : { headers: IdempotencyHeaders }),
    body,
    response: {
      200: CaseResponse,
      ...errors,
      ...(extra.description === undefined ? {} : { 422: errorResponseRef }),
    },
  });

  app.get(
    `${BASE}/:id`,
    {
      config: { policy: 'case.read' },
      schema: {
        tags: TAGS,
        summary: 'Everything about one report, with its history and what you may do with it',
        params: CaseParams,
        response: { 200: CaseResponse, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return caseFor(request);
    },
  );

  app.get(
    `${BASE}/:id/contact`,
    {
      config: { policy: 'case.read_contact' },
      schema: {
        tags: TAGS,
        summary: "The reporter's contact details (every look is written to the audit log)",
        params: CaseParams,
        response: { 200: ContactResponse, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return viewContact(db, actorOf(request), request.params.id);
    },
  );

  app.get(
    `${BASE}/:id/photos/:photoId/:variant`,
    {
      config: { policy: 'case.read' },
      schema: {
        tags: TAGS,
        summary: "A report's photo, also where the category keeps photos private",
        params: CasePhotoParams,
        response: {
          200: {
            description: 'The photo',
            content: { 'image/webp': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { kommunenummer, id, photoId } = request.params;
      const variant = request.params.variant === 'large.webp' ? 'large' : 'thumb';
      const data = await getCasePhoto(db, ctx.photos, kommunenummer, id, photoId, variant);
      return reply
        .header('content-type', 'image/webp')
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(data);
    },
  );

  app.get(
    `${BASE}/:id/reply-templates`,
    {
      config: { policy: 'case.reply_public' },
      schema: {
        tags: TAGS,
        summary: "Reply templates for this report, filled in, in the reporter's language",
        description:
          'Templates for the report’s current status, or for `status` when the reply goes out with a status change.',
        params: CaseParams,
        querystring: Type.Object({ status: Type.Optional(stringEnum(REPORT_STATUSES)) }),
        response: { 200: ReplyTemplatesResponse, ...errors },
      },
    },
    async (request) => listReplyTemplates(db, actorOf(request), request.params.id, request.query.status),
  );

  app.post(
    `${BASE}/:id/status`,
    {
      config: { policy: 'case.change_status' },
      schema: action('Change the status (optionally with a public reply)', StatusBody, {
        description: `${ONCE} A stale \`version\` answers 409, saying who changed the case and when.`,
      }),
    },
    async (request, reply) => {
      // A reply sent with the change is a public reply: it needs that action too (a field
      // worker changes the status, but does not write to the resident).
      if (
        request.body.reply?.trim() &&
        !may(staffOf(request), 'case.reply_public', request.params.kommunenummer)
      ) {
        throw new AppError(403, 'forbidden', caseMessages.replyNotAllowed());
      }
      return answerOnce(db, request, reply, request.body, async (q) => {
        await changeStatus(q, actorOf(request), request.params.id, request.body);
        return caseFor(request, q);
      });
    },
  );

  app.post(
    `${BASE}/:id/priority`,
    {
      config: { policy: 'case.change_priority' },
      schema: action('Set the priority and due time', PriorityBody),
    },
    async (request) => {
      await changePriority(db, actorOf(request), request.params.id, request.body);
      return caseFor(request);
    },
  );

  app.post(
    `${BASE}/:id/assignment`,
    { config: { policy: 'case.assign' }, schema: action('Assign to a team and/or a person', AssignmentBody) },
    async (request) => {
      await assignReport(db, actorOf(request), request.params.id, request.body);
      return caseFor(request);
    },
  );

  app.post(
    `${BASE}/:id/replies`,
    {
      config: { policy: 'case.reply_public' },
      schema: action('Reply publicly to the resident', ReplyBody, { description: ONCE }),
    },
    async (request, reply) =>
      answerOnce(db, request, reply, request.body, async (q) => {
        await replyPublicly(q, actorOf(request), request.params.id, request.body);
        return caseFor(request, q);
      }),
  );

  app.post(
    `${BASE}/:id/notes`,
    {
      config: { policy: 'case.note_internal' },
      schema: action('Add an internal note (never public)', NoteBody, { description: ONCE }),
    },
    async (request, reply) =>
      answerOnce(db, request, reply, request.body, async (q) => {
        await addInternalNote(q, actorOf(request), request.params.id, request.body);
        return caseFor(request, q);
      }),
  );

  app.post(
    `${BASE}/:id/photos`,
    {
      config: { policy: 'case.add_photo' },
      schema: {
        tags: TAGS,
        summary: 'Add a staff photo (internal: never shown to the public)',
        description: `multipart/form-data with one file named \`photo\` (JPEG, PNG, WebP or AVIF; at most 15 MB). Resized and stripped of metadata like residents' photos; kept as internal, so no public view or address shows it. ${ONCE} For an upload, the key stands for the photo's bytes.`,
        consumes: ['multipart/form-data'],
        params: CaseParams,
        headers: IdempotencyHeaders,
        response: {
          200: CaseResponse,
          ...errors,
          413: errorResponseRef,
          415: errorResponseRef,
          422: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const photo = await readStaffPhoto(request, reply);
      const subject = { photoSha256: photo.sha256 };
      const earlier = await earlierAnswer(db, request, reply, subject);
      if (earlier) return earlier.body as Static<typeof CaseResponse>;
      return withStoredPhotos(ctx.photos, [photo.path], async ([stored]) => {
        if (!stored) throw new Error('the photo was not stored');
        const answer = await answerOnce(db, request, reply, subject, async (q) => {
          await addStaffPhoto(q, actorOf(request), request.params.id, stored);
          return caseFor(request, q);
        });
        // A copy sent at the same time got here first: this copy's files are not needed.
        if (reply.getHeader(REPLAYED_HEADER) !== undefined) await ctx.photos.remove(stored.storageKey);
        return answer;
      });
    },
  );

  app.post(
    `${BASE}/:id/merge`,
    {
      config: { policy: 'case.merge' },
      schema: action('Merge duplicates into this report (the primary)', MergeBody),
    },
    async (request) => {
      await mergeReports(db, actorOf(request), request.params.id, request.body);
      return caseFor(request);
    },
  );

  app.post(
    `${BASE}/:id/forward`,
    { config: { policy: 'case.forward' }, schema: action('Forward to the responsible owner', ForwardBody) },
    async (request) => {
      await forwardReport(db, actorOf(request), request.params.id, request.body);
      return caseFor(request);
    },
  );

  app.post(
    `${BASE}/:id/correction`,
    {
      config: { policy: 'case.correct' },
      schema: action('Correct the category or the location', CorrectionBody),
    },
    async (request) => {
      await correctReport(db, ctx.locator, actorOf(request), request.params.id, request.body);
      return caseFor(request);
    },
  );

  app.post(
    `${BASE}/:id/case-handling`,
    {
      config: { policy: 'case.flag_case_handling' },
      schema: action('Mark as needing formal case handling and archiving', CaseHandlingBody),
    },
    async (request) => {
      await flagCaseHandling(db, actorOf(request), request.params.id, request.body);
      return caseFor(request);
    },
  );

  app.post(
    `${BASE}/bulk`,
    {
      config: { policy: 'case.bulk' },
      schema: {
        tags: TAGS,
        summary: 'Assign, change status or reply on many reports at once',
        description: 'Each report is changed on its own; the ones that could not be are listed with why.',
        params: MunicipalityParams,
        body: BulkBody,
        response: { 200: BulkResponse, ...errors },
      },
    },
    async (request) => {
      const result = await bulkUpdate(db, actorOf(request), request.body.ids, request.body.action);
      const language = requestLanguage(request);
      return {
        updated: result.updated,
        failed: result.failed.map((f) => ({ id: f.id, code: f.code, message: f.message[language] })),
      };
    },
  );
};
