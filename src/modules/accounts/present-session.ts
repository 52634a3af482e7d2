// The session as the back office reads it (GET/POST /api/v1/staff/session, and the answer to
// accepting an invitation as a new person).
import type { StaffPrincipal } from './principal.ts';

export function presentSession(principal: StaffPrincipal, csrfToken: string) {
  return {
    user: {
      id: principal.userId,
      email: principal.email,
      name: principal.name,
      language: principal.language,
    },
    memberships: principal.memberships,
    scope: principal.scope,
    csrfToken,
  };
}
