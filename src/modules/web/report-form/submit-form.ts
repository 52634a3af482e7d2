// Takes a post of the report form: keeps everything typed and uploaded in the draft, checks it
// as intake would, and says where the resident goes next: back to the form with the problems
// marked, or on to the review step. Nothing is lost on the way.
import type { Multipart } from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../app-context.ts';
import type { Queryable } from '../../../db/client.ts';
import { messages } from '../../../i18n/messages.ts';
import { AppError, type ErrorDetail } from '../../../shared/errors.ts';
import { isLanguage, type Language } from '../../../shared/language.ts';
import { EMAIL_MAX_LENGTH, isUuid } from '../../../shared/text.ts';
import { nameOfLinkedAsset } from '../../assets/name-of-linked-asset.ts';
import { PhotosBusyError } from '../../photos/photo-gate.ts';
import { MAX_PHOTO_BYTES } from '../../photos/process-photo.ts';
import { attachPhotoToDraft, MAX_PHOTOS_PER_REPORT, tooManyPhotos } from '../../photos/store-photo.ts';
import type { SpooledPhoto, UploadSpool } from '../../photos/upload-spool.ts';
import { prefillFromLink } from '../../report-links/prefill-from-link.ts';
import { reportLinks } from '../../report-links/schema.ts';
import { MAX_DESCRIPTION_LENGTH } from '../../reports/check-report.ts';
import { PHONE_MAX_LENGTH } from '../../reports/contact.ts';
import { type CreateReportInput, checkNewReport } from '../../reports/create-report.ts';
import type { NotifyChannel } from '../../reports/statuses.ts';
import type { Municipality } from '../../tenants/queries.ts';
import { type FieldTable, fieldReader, firstValue, TOKEN_FIELD } from '../form-fields.ts';
import { type DraftData, emptyDraft, loadDraft, saveDraft } from './draft.ts';
import { removeDraftPhotos } from './remove-draft-photos.ts';

/** The report form's fields and how long each may be (form-fields.ts); photos come as files. */
export const REPORT_FORM_FIELDS: FieldTable = {
  fields: {
    ...TOKEN_FIELD,
    draft: { maxLength: 64 },
    website: { maxLength: 200 },
    category: { maxLength: 100 },
    lat: { maxLength: 40 },
    lon: { maxLength: 40 },
    clearPoint: { maxLength: 10 },
    address: { maxLength: 500 },
    // Twice what a report may have: the check after this one says how much is too much.
    description: { maxLength: MAX_DESCRIPTION_LENGTH * 2, multiLine: true },
    'contact.name': { maxLength: 200 },
    'contact.email': { maxLength: EMAIL_MAX_LENGTH },
    'contact.phone': { maxLength: PHONE_MAX_LENGTH },
    'contact.notify': { maxLength: 10 },
    'contact.language': { maxLength: 5 },
    reportLinkId: { maxLength: 64 },
    assetRef: { maxLength: 100 },
    removePhoto: { maxLength: 64, maxCount: MAX_PHOTOS_PER_REPORT },
  },
  prefixes: { 'answers.': { maxLength: 1000, maxCount: 50, maxNames: 50 } },
};

/** For busboy: the form's parts, its longest field in bytes, and at most five photos per post. */
export const REPORT_FORM_LIMITS = {
  files: MAX_PHOTOS_PER_REPORT,
  fileSize: MAX_PHOTO_BYTES,
  fields: 120,
  parts: 130,
  fieldSize: MAX_DESCRIPTION_LENGTH * 2 * 4,
};

export interface FormPost {
  fields: Map<string, string[]>;
  /** Problems found while reading: fields cut or cleaned, photos refused, too many photos. */
  readErrors: ErrorDetail[];
  /** Whether the post carried a valid form token before anything else was looked at. */
  tokenValid: boolean;
  /** Photos streamed to temporary files; only those that came after a valid token. */
  photos: SpooledPhoto[];
}

async function drain(file: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of file) {
    // read and forget
  }
}

/**
 * Reads the multipart post through the form's field table. The form token comes first in the
 * form; it is checked as soon as it arrives, and only photos that follow a valid token are
 * received (streamed to the spool, type checked from their first bytes). A photo that cannot be
 * taken, a field cut or cleaned, a sixth photo: each becomes a message on the form, not a failed
 * request.
 */
export async function readFormPost(
  parts: AsyncIterableIterator<Multipart>,
  spool: UploadSpool,
  isValidToken: (token: string) => boolean,
): Promise<FormPost> {
  const reader = fieldReader(REPORT_FORM_FIELDS);
  const photos: SpooledPhoto[] = [];
  const photoErrors: ErrorDetail[] = [];
  let tokenValid: boolean | undefined;
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'photos' || !part.filename || tokenValid !== true) {
          await drain(part.file);
          continue;
        }
        try {
          photos.push(await spool.receive(part.file));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          photoErrors.push({ field: 'photos', code: error.code, message: error.localized });
        }
        continue;
      }
      const value = typeof part.value === 'string' ? part.value : '';
      reader.add(part.fieldname, value);
      if (part.fieldname === '_token' && tokenValid === undefined) tokenValid = isValidToken(value);
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_FILES_LIMIT')
      photoErrors.push({ field: 'photos', code: 'too_many_photos', message: tooManyPhotos().localized });
    else if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      photoErrors.push({ field: 'form', code: 'form_too_large', message: messages.formTooLarge() });
    else if (error instanceof AppError) throw error;
    else throw new AppError(400, 'form_unreadable', messages.formUnreadable());
  }
  const { fields, errors } = reader.result();
  return { fields, readErrors: [...errors, ...photoErrors], tokenValid: tokenValid === true, photos };
}

const one = firstValue;

function coordinate(text: string | undefined, min: number, max: number): number | undefined {
  if (!text) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

export function draftFromFields(fields: Map<string, string[]>, earlier: DraftData): DraftData {
  const answers: DraftData['answers'] = {};
  for (const [name, values] of fields) {
    if (!name.startsWith('answers.')) continue;
    const code = name.slice('answers.'.length);
    const kept = values.map((v) => v.trim()).filter(Boolean);
    answers[code] = kept.length > 1 ? kept : (kept[0] ?? '');
  }
  let lat = coordinate(one(fields, 'lat'), -90, 90);
  let lon = coordinate(one(fields, 'lon'), -180, 180);
  if (lat === undefined || lon === undefined || one(fields, 'clearPoint')) {
    lat = undefined;
    lon = undefined;
  }
  return {
    category: one(fields, 'category'),
    lat,
    lon,
    address: one(fields, 'address'),
    description: fields.get('description')?.[0] ?? undefined,
    answers,
    contact: {
      name: one(fields, 'contact.name'),
      email: one(fields, 'contact.email'),
      phone: one(fields, 'contact.phone'),
      notify: one(fields, 'contact.notify'),
      language: one(fields, 'contact.language'),
    },
    // The place's asset and link come from how the form was opened (see firstPostStart); later
    // posts cannot change them.
    assetRef: earlier.assetRef,
    reportLinkId: earlier.reportLinkId,
    linkLabel: earlier.linkLabel,
    assetName: earlier.assetName,
    suggested: earlier.suggested,
    errors: [],
  };
}

/** The draft as intake input: what both the check and the final send use. */
export function reportInputFromDraft(
  draft: DraftData,
  municipality: Municipality,
  language: Language,
  channel: CreateReportInput['channel'],
): CreateReportInput {
  const notify = draft.contact.notify;
  return {
    category: draft.category ?? '',
    municipality: municipality.kommunenummer,
    location:
      draft.lat !== undefined && draft.lon !== undefined ? { lat: draft.lat, lon: draft.lon } : undefined,
    address: draft.address,
    description: draft.description ?? '',
    answers: Object.fromEntries(Object.entries(draft.answers).filter(([, v]) => v !== '')),
    contact: {
      name: draft.contact.name,
      email: draft.contact.email,
      phone: draft.contact.phone,
      notify:
        notify === 'email' || notify === 'sms' || notify === 'none' ? (notify as NotifyChannel) : undefined,
      language: isLanguage(draft.contact.language) ? draft.contact.language : undefined,
    },
    assetRef: draft.assetRef,
    reportLinkId: draft.reportLinkId,
    channel,
    language,
  };
}

/**
 * What the form was opened with, on its first post (before there is a draft): the QR link is
 * looked up again (only an active link of this municipality counts), and the asset is taken as
 * shown on the form, which is what the `asset` query parameter gave it anyway.
 */
async function firstPostStart(
  db: Queryable,
  kommunenummer: string,
  fields: Map<string, string[]>,
): Promise<DraftData> {
  const start = emptyDraft();
  const linkId = one(fields, 'reportLinkId');
  if (linkId && isUuid(linkId)) {
    const [link] = await db
      .select()
      .from(reportLinks)
      .where(
        and(
          eq(reportLinks.id, linkId),
          eq(reportLinks.kommunenummer, kommunenummer),
          eq(reportLinks.active, true),
        ),
      );
    if (link) {
      const prefill = prefillFromLink(link);
      start.reportLinkId = prefill.reportLinkId;
      start.assetRef = prefill.assetRef;
      start.linkLabel = prefill.label;
      start.assetName = await nameOfLinkedAsset(db, kommunenummer, link.assetId);
      start.suggested = prefill.suggestedCategories;
    }
  }
  const asset = one(fields, 'assetRef');
  if (asset) start.assetRef = asset.slice(0, 100);
  return start;
}

/**
 * Only the chosen category's answers. Without scripts the form posts every category's questions
 * (the page shows only the chosen one's, see form-parts.ts): a text typed under another category
 * before switching is not the resident's answer to this one.
 */
async function answersOfChosenCategory(
  ctx: AppContext,
  kommunenummer: string,
  draft: DraftData,
): Promise<DraftData['answers']> {
  const target = draft.category ? await ctx.catalog.get(kommunenummer, draft.category) : undefined;
  const codes = new Set((target?.category?.questions ?? []).map((q) => q.code));
  return Object.fromEntries(Object.entries(draft.answers).filter(([code]) => codes.has(code)));
}

export type SubmitOutcome =
  | { kind: 'invalid'; draftId: string }
  | { kind: 'ready'; draftId: string }
  | { kind: 'spam' };

export async function submitReportForm(
  ctx: AppContext,
  municipality: Municipality,
  language: Language,
  post: FormPost,
): Promise<SubmitOutcome> {
  const { fields } = post;
  if (one(fields, 'website')) return { kind: 'spam' };
  const db = ctx.db.db;
  const kommunenummer = municipality.kommunenummer;
  const existing = one(fields, 'draft')
    ? await loadDraft(db, kommunenummer, one(fields, 'draft') ?? '')
    : undefined;
  if (!post.tokenValid) {
    // Not from our page, or too old: what was typed is kept as typed (so nothing is lost), but
    // nothing is looked up, checked or processed for it.
    const draft = draftFromFields(fields, existing?.data ?? emptyDraft());
    const errors = [
      { field: 'form', code: 'form_expired', message: messages.formExpired() },
      ...post.readErrors,
    ];
    const draftId = await saveDraft(db, kommunenummer, { ...draft, errors }, existing?.id);
    return { kind: 'invalid', draftId };
  }
  const posted = draftFromFields(fields, existing?.data ?? (await firstPostStart(db, kommunenummer, fields)));
  const draft = { ...posted, answers: await answersOfChosenCategory(ctx, kommunenummer, posted) };
  const errors: ErrorDetail[] = [...post.readErrors];
  const draftId = await saveDraft(db, kommunenummer, draft, existing?.id);

  const removals = fields.get('removePhoto') ?? [];
  if (removals.length > 0) await removeDraftPhotos(ctx, draftId, removals);
  let position = existing?.photos.length ?? 0;
  for (const photo of post.photos) {
    try {
      await attachPhotoToDraft(db, ctx.photos, draftId, photo.path, position++);
    } catch (error) {
      // Too many photos being processed: a 503 page; the text is saved in the draft already.
      if (!(error instanceof AppError) || error instanceof PhotosBusyError) throw error;
      errors.push({ field: 'photos', code: error.code, message: error.localized });
    }
  }

  try {
    await checkNewReport(ctx, reportInputFromDraft(draft, municipality, language, 'web'));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    errors.push(
      ...(error.details.length > 0
        ? error.details
        : [{ field: 'form', code: error.code, message: error.localized }]),
    );
  }
  if (errors.length > 0) {
    await saveDraft(db, kommunenummer, { ...draft, errors }, draftId);
    return { kind: 'invalid', draftId };
  }
  return { kind: 'ready', draftId };
}
