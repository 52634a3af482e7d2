// The invitation API's shapes (src/modules/invitations/http-schemas.ts).
import { api } from '../../api/client.ts';
import type { StaffSession } from '../../session/index.ts';

export interface InvitationLookup {
  municipality: { kommunenummer: string; name: string };
  email: string;
  name: string;
  language: 'nb' | 'nn' | 'en';
  roles: string[];
  expiresAt: string;
  accountExists: boolean;
  signedInAsInvitee: boolean;
}

const BASE = '/api/v1/staff/invitations';

export const invitationApi = {
  lookup: (token: string) => api.post<InvitationLookup>(`${BASE}/lookup`, { token }),
  accept: (token: string) => api.post<{ kommunenummer: string; name: string }>(`${BASE}/accept`, { token }),
  acceptNew: (token: string, name: string, password: string) =>
    api.post<StaffSession>(`${BASE}/accept-new`, { token, name, password }),
};
