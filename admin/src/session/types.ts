// The session API's shapes (GET/POST /api/v1/staff/session, GET /api/v1/staff/login-options).
import type { Language } from '../i18n/index.ts';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  language: Language;
}

export interface Membership {
  kommunenummer: string;
  name: string;
  slug: string;
  /** e.g. 'admin', 'servicekontor', 'saksbehandler'. */
  roles: string[];
  teams: { id: string; name: string }[];
}

export interface StaffSession {
  user: StaffUser;
  /** The municipalities this session may act in (one only after a municipality's own login). */
  memberships: Membership[];
  /** The municipality whose login opened this session; null after a password login. */
  scope: string | null;
  csrfToken: string;
}

export interface LoginOptions {
  oidc: { kommunenummer: string; name: string; startUrl: string }[];
}

export const ROLE_ADMIN = 'admin';
export const ROLE_FRONT_DESK = 'servicekontor';
