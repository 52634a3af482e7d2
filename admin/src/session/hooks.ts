// For pages behind the login (everything under /m/:kommunenummer): the session and the
// municipality the address names.
import { useParams } from 'react-router';
import { useSession } from './SessionProvider.tsx';
import type { Membership, StaffSession } from './types.ts';

/** The logged-in session. Only for components under <RequireSession> (every page but /login). */
export function useStaffSession(): StaffSession {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useStaffSession() used outside <RequireSession>');
  return state.session;
}

/**
 * The membership for the address's :kommunenummer. Only for components under /m/:kommunenummer,
 * where the shell has already checked that the user is a member.
 */
export function useMembership(): Membership {
  const { kommunenummer } = useParams();
  const membership = useStaffSession().memberships.find((m) => m.kommunenummer === kommunenummer);
  if (!membership) throw new Error(`useMembership(): not a member of ${kommunenummer ?? '(none)'}`);
  return membership;
}

export function hasRole(membership: Membership, ...roles: string[]): boolean {
  return membership.roles.some((role) => roles.includes(role));
}
