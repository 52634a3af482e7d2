// Who may use the field app: the roles of the server's `field.tasks` policy
// (src/modules/accounts/policies.ts).
import type { Membership } from '../../session/index.ts';

export const FIELD_ROLES = ['admin', 'saksbehandler', 'feltarbeider'];

export function hasFieldAccess(membership: Membership): boolean {
  return membership.roles.some((role) => FIELD_ROLES.includes(role));
}
