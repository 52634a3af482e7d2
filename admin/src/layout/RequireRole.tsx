import type { ReactNode } from 'react';
import { hasRole, useMembership } from '../session/index.ts';
import { NoAccessContent } from './NotFound.tsx';

/** Shows `children` only to members with one of `roles` in this municipality. */
export function RequireRole({ roles, children }: { roles: string[]; children: ReactNode }) {
  const membership = useMembership();
  return hasRole(membership, ...roles) ? children : <NoAccessContent />;
}
