// Words shared by the notice pages: type and status names, the period, who may do what.
import type { Translator } from '../../i18n/index.ts';
import {
  hasRole,
  type Membership,
  ROLE_ADMIN,
  ROLE_CASE_WORKER,
  ROLE_FRONT_DESK,
} from '../../session/index.ts';
import type { Notice } from './notices-api.ts';

/** As src/modules/accounts/policies.ts: notice.draft and notice.publish. */
export function noticeRights(membership: Membership) {
  return {
    draft: hasRole(membership, ROLE_ADMIN, ROLE_CASE_WORKER, ROLE_FRONT_DESK),
    publish: hasRole(membership, ROLE_ADMIN, ROLE_CASE_WORKER),
  };
}

export function typeName(t: Translator, type: Notice['type']): string {
  return t(`notices.type.${type}`);
}

export function statusName(t: Translator, notice: Pick<Notice, 'status' | 'type'>): string {
  if (notice.status === 'ended' && notice.type === 'boil_water') return t('notices.status.lifted');
  return t(`notices.status.${notice.status}`);
}

export function period(
  t: Translator,
  notice: Pick<Notice, 'startsAt' | 'expectedEndAt' | 'endedAt'>,
): string {
  const format = (at: string) => t.dateTime(at, { dateStyle: 'short', timeStyle: 'short' });
  const end = notice.endedAt ?? notice.expectedEndAt;
  return `${format(notice.startsAt)} – ${end ? format(end) : t('notices.untilFurther')}`;
}
