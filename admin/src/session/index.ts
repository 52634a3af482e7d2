export { sessionApi } from './api.ts';
export { hasRole, useMembership, useStaffSession } from './hooks.ts';
export { forgetUnsaved as forgetUnsavedLanguage } from './language-choice.ts';
export { SessionProvider, type SessionState, type SessionValue, useSession } from './SessionProvider.tsx';
export {
  type LoginOptions,
  type Membership,
  ROLE_ADMIN,
  ROLE_CASE_WORKER,
  ROLE_FRONT_DESK,
  type StaffSession,
  type StaffUser,
} from './types.ts';
