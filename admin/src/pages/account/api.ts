// "My account" (src/modules/accounts/http-schemas.ts, OwnAccountResponse) on the typed client.
import { client, ok } from '../../api/client.ts';
import type { Answer, Body } from '../../api/types.ts';

const BASE = '/api/v1/staff/account';

export type OwnAccount = Answer<typeof BASE>;

export const accountApi = {
  get: () => ok(client.GET(BASE)),
  update: (changes: Body<typeof BASE, 'put'>) => ok(client.PUT(BASE, { body: changes })),
  changePassword: (currentPassword: string, newPassword: string) =>
    ok(client.POST(`${BASE}/password`, { body: { currentPassword, newPassword } })),
  link: (kommunenummer: string) =>
    ok(client.POST(`${BASE}/oidc/{kommunenummer}/link`, { params: { path: { kommunenummer } } })),
  unlink: () => ok(client.DELETE(`${BASE}/oidc`)),
};
