import { Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { STAFF_ROLES } from './roles.ts';

export const MembershipSchema = Type.Object({
  kommunenummer: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  roles: Type.Array(stringEnum(STAFF_ROLES)),
  teams: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() })),
});

export const SessionResponse = Type.Object({
  user: Type.Object({
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    name: Type.String(),
    language: stringEnum(LANGUAGES),
  }),
  memberships: Type.Array(MembershipSchema),
  csrfToken: Type.String({ description: 'Send back as the X-CSRF-Token header on every change.' }),
});

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1000 }),
});
