// The session API's shapes (GET/POST /api/v1/staff/session, GET /api/v1/staff/login-options),
// from the types generated from the server's OpenAPI document.
import type { Answer } from '../api/types.ts';

export type StaffSession = Answer<'/api/v1/staff/session'>;
export type StaffUser = StaffSession['user'];
export type Membership = StaffSession['memberships'][number];
export type LoginOptions = Answer<'/api/v1/staff/login-options'>;

export const ROLE_ADMIN = 'admin';
export const ROLE_FRONT_DESK = 'servicekontor';
export const ROLE_CASE_WORKER = 'saksbehandler';
