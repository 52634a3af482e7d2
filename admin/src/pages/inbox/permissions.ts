// What the inbox list may offer, by the person's roles in the municipality: a copy of the rows of
// docs/authorisation.md (ROLE_ACTIONS in src/modules/accounts/policies.ts) the list needs before
// any case is loaded; add a row when it needs another. This only hides what would be refused —
// the server checks every request anyway. The case view uses the case's own `allowed` instead.
import { hasRole, type Membership } from '../../session/index.ts';

const ROLES_FOR = {
  'case.bulk': ['admin', 'saksbehandler'],
} as const satisfies Record<string, readonly string[]>;

export type InboxAction = keyof typeof ROLES_FOR;

/** Whether the membership's roles allow `action` (per docs/authorisation.md). */
export function can(membership: Membership, action: InboxAction): boolean {
  return hasRole(membership, ...ROLES_FOR[action]);
}
