// "Is it really fixed?": the page behind the link in the reporter's "done" message and reminder.
// GET shows the question (or, with ?answer=no, the reopen form) and changes nothing — mail
// scanners and link previews open links. The two answers are POSTs: confirm (an empty form) and
// reopen (multipart: comment and optional photo). The token in the query is the only key; the
// request logger redacts `token` (http/logging.ts).
import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { sendUnframedPage } from '../web/page.ts';
import { confirmFix, reopenFix } from './answer-fix-check.ts';
import { type FixCheckView, findFixCheck, linkExpired } from './find-fix-check.ts';
import { type FixCheckPageState, fixCheckPage, fixCheckSite } from './fix-check-page.ts';
import { FIX_CHECK_PATH } from './fix-check-token.ts';
import { readReopenForm } from './read-reopen-form.ts';
import { pageLanguage } from './stop-by-link.ts';

const FixQuery = Type.Object({
  token: Type.String({ maxLength: 100 }),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
  answer: Type.Optional(Type.Literal('no')),
});
type FixRequest = FastifyRequest<{ Querystring: { token: string; lang?: string; answer?: 'no' } }>;

/** Photo refusals from the photos module (type, size, pixels) are shown next to the photo field. */
function isPhotoRefusal(error: unknown): error is AppError {
  return error instanceof AppError && (error.code.startsWith('photo_') || error.code === 'too_many_photos');
}

export const fixCheckRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  // The confirm button posts an empty urlencoded form.
  await app.register(formbody, { bodyLimit: 4 * 1024 });
  const options = {
    config: { page: true, rateLimit: { max: ctx.config.reportRateLimitPerMinute, timeWindow: '1 minute' } },
    schema: { hide: true, querystring: FixQuery },
  } as const;

  async function load(request: FixRequest) {
    const check = await findFixCheck(db, request.query.token);
    const language: Language =
      request.query.lang === undefined
        ? check.language
        : pageLanguage(request.query.lang, check.municipality);
    return { check, language };
  }

  function show(
    reply: FastifyReply,
    request: FixRequest,
    check: FixCheckView,
    language: Language,
    state: FixCheckPageState,
    status = 200,
  ) {
    const site = fixCheckSite(check, language, request.query.token);
    return sendUnframedPage(reply, fixCheckPage(site, check, request.query.token, state), status);
  }

  /** An answered check shows its answer; an unanswered one past its time is gone (410). */
  function answeredOrExpired(check: FixCheckView): 'answered' | undefined {
    if (check.answeredAt) return 'answered';
    if (check.expired) throw linkExpired();
    return undefined;
  }

  app.get(FIX_CHECK_PATH, options, async (request: FixRequest, reply: FastifyReply) => {
    const { check, language } = await load(request);
    if (answeredOrExpired(check)) return show(reply, request, check, language, { mode: 'answered' });
    const state: FixCheckPageState =
      request.query.answer === 'no' ? { mode: 'reopen', comment: '', errors: {} } : { mode: 'ask' };
    return show(reply, request, check, language, state);
  });

  app.post(`${FIX_CHECK_PATH}/confirm`, options, async (request: FixRequest, reply: FastifyReply) => {
    const { check, language } = await load(request);
    if (answeredOrExpired(check)) return show(reply, request, check, language, { mode: 'answered' });
    const outcome = await confirmFix(db, check);
    const after = await findFixCheck(db, request.query.token);
    return show(reply, request, after, language, {
      mode: outcome.result === 'answered' ? 'thanks' : 'answered',
    });
  });

  app.post(`${FIX_CHECK_PATH}/reopen`, options, async (request: FixRequest, reply: FastifyReply) => {
    const { check, language } = await load(request);
    if (answeredOrExpired(check)) {
      // The form's bytes are not wanted; answer without reading them.
      return show(reply, request, check, language, { mode: 'answered' });
    }
    const form = await readReopenForm(request, reply);
    const fieldErrors = (errors: typeof form.errors) => ({
      ...(errors.comment ? { comment: errors.comment[language] } : {}),
      ...(errors.photo ? { photo: errors.photo[language] } : {}),
    });
    if (form.errors.comment || form.errors.photo) {
      const state = { mode: 'reopen', comment: form.comment, errors: fieldErrors(form.errors) } as const;
      // A photo refused as it arrived keeps its own status (415 not a photo, 413 too large).
      return show(reply, request, check, language, state, form.photoStatus ?? 422);
    }
    let outcome: Awaited<ReturnType<typeof reopenFix>>;
    try {
      outcome = await reopenFix(
        {
          db,
          boss: ctx.jobs.boss,
          photos: ctx.photos,
          publicUrl: ctx.config.publicUrl,
          emailConfigured: Boolean(ctx.config.smtpUrl),
        },
        check,
        { comment: form.comment, photo: form.photo },
      );
    } catch (error) {
      if (!isPhotoRefusal(error)) throw error;
      const state = {
        mode: 'reopen',
        comment: form.comment,
        errors: { photo: error.localized[language] },
      } as const;
      return show(reply, request, check, language, state, error.status);
    }
    const after = await findFixCheck(db, request.query.token);
    return show(reply, request, after, language, {
      mode: outcome.result === 'answered' ? 'thanks' : 'answered',
    });
  });
};
