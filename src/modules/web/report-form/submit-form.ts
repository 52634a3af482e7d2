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
import { MAX_PHOTO_BYTES } from '../../photos/process-photo.ts';
import { attachPhotoToDraft } from '../../photos/store-photo.ts';
import { prefillFromLink } from '../../report-links/prefill-from-link.ts';
import { reportLinks } from '../../report-links/schema.ts';
import { type CreateReportInput, checkNewReport } from '../../reports/create-report.ts';
import type { NotifyChannel } from '../../reports/statuses.ts';
import type { Municipality } from '../../tenants/queries.ts';
import { isValidFormToken } from '../form-token.ts';
import { type DraftData, emptyDraft, loadDraft, saveDraft } from './draft.ts';
import { removeDraftPhotos } from './remove-draft-photos.ts';

export interface FormPost {
  fields: Map<string, string[]>;
  photos: Buffer[];
  photoErrors: ErrorDetail[];
}

/** Reads the multipart post; an oversized photo becomes a message, not a failed request. */
export async function readFormPost(parts: AsyncIterableIterator<Multipart>): Promise<FormPost> {
  const fields = new Map<string, string[]>();
  const photos: Buffer[] = [];
  const photoErrors: ErrorDetail[] = [];
  for await (const part of parts) {
    if (part.type === 'file') {
      if (part.fieldname !== 'photos' || !part.filename) {
        await part.toBuffer().catch(() => undefined);
        continue;
      }
      try {
        const data = await part.toBuffer();
        if (data.length > 0) photos.push(data);
      } catch {
        photoErrors.push({
          field: 'photos',
          code: 'too_large',
          message: messages.photoTooLarge(MAX_PHOTO_BYTES / 1024 / 1024),
        });
      }
      continue;
    }
    const list = fields.get(part.fieldname) ?? [];
    list.push(String(part.value));
    fields.set(part.fieldname, list);
  }
  return { fields, photos, photoErrors };
}

function one(fields: Map<string, string[]>, name: string): string | undefined {
  const value = fields.get(name)?.[0]?.trim();
  return value ? value : undefined;
}

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  if (linkId && UUID.test(linkId)) {
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
      start.suggested = prefill.suggestedCategories;
    }
  }
  const asset = one(fields, 'assetRef');
  if (asset) start.assetRef = asset.slice(0, 100);
  return start;
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
  const draft = draftFromFields(fields, existing?.data ?? (await firstPostStart(db, kommunenummer, fields)));
  const errors: ErrorDetail[] = [...post.photoErrors];
  if (!isValidFormToken(ctx.secret, `report:${kommunenummer}`, one(fields, '_token'))) {
    errors.push({ field: 'form', code: 'form_expired', message: messages.formExpired() });
  }
  const draftId = await saveDraft(db, kommunenummer, draft, existing?.id);

  const removals = fields.get('removePhoto') ?? [];
  if (removals.length > 0) await removeDraftPhotos(ctx, draftId, removals);
  let position = existing?.photos.length ?? 0;
  for (const photo of post.photos) {
    try {
      await attachPhotoToDraft(db, ctx.photos, draftId, photo, position++);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
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
