// Back office: the wording of messages to residents, per municipality. List every kind × channel
// × language with the built-in text and the municipality's own, save or reset one, and preview a
// draft with sample values. Admins only (admin.templates); every change is audited.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { MESSAGE_KINDS } from './default-templates.ts';
import { listMessageTemplates, loadSampleFacts, TEMPLATE_CHANNELS } from './message-template-queries.ts';
import { previewMessage } from './preview-message.ts';
import { saveMessageTemplate } from './save-message-template.ts';

const PREFIX = '/api/v1/staff/m/:kommunenummer/admin/message-templates';
const tags = ['staff: administration'];
const Kommunenummer = Type.String({ pattern: '^[0-9]{4}$' });
const Kind = Type.Union(MESSAGE_KINDS.map((k) => Type.Literal(k)));
const Channel = Type.Union(TEMPLATE_CHANNELS.map((c) => Type.Literal(c)));
const Language = Type.Union(LANGUAGES.map((l) => Type.Literal(l)));
const NullableString = Type.Union([Type.Null(), Type.String()]);
const Text = Type.Object({ subject: NullableString, body: Type.String() });
const Entry = Type.Object({
  kind: Kind,
  channel: Channel,
  language: Language,
  placeholders: Type.Array(Type.String(), {
    description: 'Placeholders this message may use, without braces',
  }),
  default: Text,
  override: Type.Union([
    Type.Null(),
    Type.Object({
      subject: NullableString,
      body: Type.String(),
      updatedAt: Type.String({ format: 'date-time' }),
    }),
  ]),
});
const Draft = {
  subject: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 500 })])),
  body: Type.String({ maxLength: 5000, description: 'Empty: the built-in text' }),
};
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef };

export const messageTemplateRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const facts = (kommunenummer: string) =>
    loadSampleFacts(ctx.db.db, kommunenummer, { publicUrl: ctx.config.publicUrl, secret: ctx.secret });

  app.get(
    PREFIX,
    {
      config: { policy: 'admin.templates' },
      schema: {
        tags,
        summary: 'Messages to residents: every kind × channel × language, built-in text and own wording',
        params: Type.Object({ kommunenummer: Kommunenummer }),
        response: { 200: Type.Object({ templates: Type.Array(Entry) }), ...errors },
      },
    },
    async (request) => ({ templates: await listMessageTemplates(ctx.db.db, request.params.kommunenummer) }),
  );

  app.put(
    `${PREFIX}/:kind/:channel/:language`,
    {
      config: { policy: 'admin.templates' },
      schema: {
        tags,
        summary:
          'Set the municipality’s own wording of one message; an empty body goes back to the built-in text',
        description:
          'Refused (400 `invalid_template`, with details) when it uses a placeholder the message has no value for, or when an SMS filled with sample values and the stop link is over 306 characters.',
        params: Type.Object({
          kommunenummer: Kommunenummer,
          kind: Kind,
          channel: Channel,
          language: Language,
        }),
        body: Type.Object(Draft),
        response: { 200: Entry, ...errors },
      },
    },
    async (request) => {
      const { kommunenummer, kind, channel, language } = request.params;
      return saveMessageTemplate(
        ctx.db.db,
        staffOf(request).userId,
        await facts(kommunenummer),
        { kind, channel, language },
        request.body,
      );
    },
  );

  app.post(
    `${PREFIX}/preview`,
    {
      config: { policy: 'admin.templates' },
      schema: {
        tags,
        summary: 'Preview a message template with sample values (report {k}-2026-00042)',
        params: Type.Object({ kommunenummer: Kommunenummer }),
        body: Type.Object({ kind: Kind, channel: Channel, language: Language, ...Draft }),
        response: {
          200: Type.Object({
            subject: NullableString,
            bodyText: Type.String(),
            bodyHtml: NullableString,
            smsLength: Type.Union([Type.Null(), Type.Integer()]),
            problems: Type.Array(
              Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const preview = previewMessage(await facts(request.params.kommunenummer), request.body);
      const language = requestLanguage(request);
      return {
        ...preview,
        problems: preview.problems.map((p) => ({
          field: p.field,
          code: p.code,
          message: p.message[language],
        })),
      };
    },
  );
};
