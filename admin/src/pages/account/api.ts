// "My account" API shapes (src/modules/accounts/http-schemas.ts, OwnAccountResponse).
import { api } from '../../api/client.ts';
import type { Language } from '../../i18n/index.ts';

export interface OwnAccount {
  id: string;
  email: string;
  name: string;
  language: Language;
  hasPassword: boolean;
  oidcLinked: boolean;
  sessionScope: string | null;
  canChangeAccount: boolean;
  canLink: boolean;
  memberships: { kommunenummer: string; name: string }[];
  providers: { kommunenummer: string; name: string }[];
}

const BASE = '/api/v1/staff/account';

export const accountApi = {
  get: () => api.get<OwnAccount>(BASE),
  update: (changes: { name?: string; language?: Language }) => api.put<OwnAccount>(BASE, changes),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ message: string }>(`${BASE}/password`, { currentPassword, newPassword }),
  link: (kommunenummer: string) => api.post<{ redirectTo: string }>(`${BASE}/oidc/${kommunenummer}/link`),
  unlink: () => api.delete<OwnAccount>(`${BASE}/oidc`),
};
