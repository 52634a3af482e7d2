// The case as the back office shows it: names in the staff member's language, answers as
// labels, and what this staff member may do with it.

import { type Language, localize } from '../../shared/language.ts';
import { may, ROLE_ACTIONS, type StaffAction } from '../accounts/policies.ts';
import type { StaffPrincipal } from '../accounts/principal.ts';
import type { AnswerValue, Question } from '../categories/questions.ts';
import { photoUrl } from '../photos/photo-urls.ts';
import type { PhotoVariant } from '../photos/storage.ts';
import { caseMessages } from './case-messages.ts';
import type { CaseData, CaseRow, HistoryRow } from './get-case.ts';
import { presentInboxItem } from './present-inbox-item.ts';

export const CASE_ACTIONS = Object.keys(ROLE_ACTIONS).filter((a): a is StaffAction => a.startsWith('case.'));

const iso = (value: Date | string) => new Date(value).toISOString();

/** The address staff see a private photo at; public ones use the public address (cacheable). */
export function staffPhotoUrl(
  report: CaseRow,
  photo: { id: string; internal: boolean },
  variant: PhotoVariant,
): string {
  const photoId = photo.id;
  // A staff photo is never at the public address, whatever the category allows.
  return report.photos_public && !photo.internal
    ? photoUrl(photoId, variant)
    : `/api/v1/staff/m/${report.kommunenummer}/reports/${report.id}/photos/${photoId}/${variant}.webp`;
}

function answerText(question: Question | undefined, value: AnswerValue, language: Language): string {
  const optionLabel = (code: string) => {
    const option = question?.options?.find((o) => o.code === code);
    return option ? localize(option.label, language) : code;
  };
  if (typeof value === 'boolean') return (value ? caseMessages.yes() : caseMessages.no())[language];
  if (Array.isArray(value)) return value.map(optionLabel).join(', ');
  if (question?.type === 'single' && typeof value === 'string') return optionLabel(value);
  return String(value);
}

function presentAnswers(report: CaseRow, language: Language) {
  const questions = report.category_questions ?? [];
  // Answers in the category's question order; answers to questions the category no longer asks
  // (after a correction) keep their code as the question.
  const codes = [
    ...questions.map((q) => q.code).filter((code) => Object.hasOwn(report.answers, code)),
    ...Object.keys(report.answers).filter((code) => !questions.some((q) => q.code === code)),
  ];
  return codes.map((code) => {
    const question = questions.find((q) => q.code === code);
    const value = report.answers[code] as AnswerValue;
    return {
      question: question ? localize(question.label, language) : code,
      answer: answerText(question, value, language),
    };
  });
}

function presentActor(row: HistoryRow) {
  if (row.actor === 'reporter' || row.actor === 'system') return { kind: row.actor };
  return { id: row.actor, name: row.actorName ?? '' };
}

export function presentCase(data: CaseData, principal: StaffPrincipal, language: Language) {
  const r = data.report;
  return {
    ...presentInboxItem(r, language),
    description: r.full_description,
    answers: presentAnswers(r, language),
    photos: data.photos.map((p) => ({
      url: staffPhotoUrl(r, p, 'large'),
      thumbnailUrl: staffPhotoUrl(r, p, 'thumb'),
      width: p.width,
      height: p.height,
      internal: p.internal,
    })),
    assetRef: r.asset_ref,
    asset:
      r.asset_id !== null && r.asset_external_id !== null && r.asset_name !== null
        ? { id: r.asset_id, externalId: r.asset_external_id, name: r.asset_name }
        : null,
    mergedInto: r.merged_into_id ? { id: r.merged_into_id, ref: r.merged_into_ref ?? '' } : null,
    duplicates: data.duplicates,
    linkedNotices: data.linkedNotices.map((n) => ({
      id: n.id,
      title: localize(n.title, language),
      status: n.status,
      linkedAt: iso(n.linkedAt),
      automatic: n.automatic,
    })),
    forwardedTo: r.forwarded_to,
    forwardedToEmail: r.forwarded_to_email,
    needsCaseHandling: r.needs_case_handling,
    followersCount: r.followers_count,
    hasContact: r.has_contact,
    version: r.version,
    history: data.history.map((e) => ({
      id: String(e.id),
      kind: e.kind,
      public: e.public,
      status: e.status,
      message: e.message,
      actor: presentActor(e),
      details: e.details ? { before: e.details.before ?? null, after: e.details.after ?? null } : null,
      createdAt: iso(e.createdAt),
    })),
    allowed: Object.fromEntries(
      CASE_ACTIONS.map((action) => [action, may(principal, action, r.kommunenummer)]),
    ),
  };
}

export type PresentedCase = ReturnType<typeof presentCase>;
