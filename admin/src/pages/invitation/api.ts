// The invitation API (src/modules/invitations/http-schemas.ts) on the typed client.
import { client, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';

const BASE = '/api/v1/staff/invitations';

export type InvitationLookup = Answer<`${typeof BASE}/lookup`, 'post'>;

export const invitationApi = {
  lookup: (token: string) => ok(client.POST(`${BASE}/lookup`, { body: { token } })),
  accept: (token: string) => ok(client.POST(`${BASE}/accept`, { body: { token } })),
  acceptNew: (token: string, name: string, password: string) =>
    ok(client.POST(`${BASE}/accept-new`, { body: { token, name, password } })),
};
