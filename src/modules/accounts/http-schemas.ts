import { Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { STAFF_ROLES } from './roles.ts';
import { DEVICE_NAME_MAX_LENGTH } from './sessions.ts';

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
  memberships: Type.Array(MembershipSchema, {
    description: 'The municipalities this session may act in (only one after a municipality’s own login)',
  }),
  scope: Type.Union([Type.Null(), Type.String()], {
    description: 'The municipality whose login this session came through; null after a password login',
  }),
  csrfToken: Type.String({ description: 'Send back as the X-CSRF-Token header on every change.' }),
});

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1000 }),
  deviceName: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: DEVICE_NAME_MAX_LENGTH,
      format: 'single-line',
      description:
        'Keep this session on a named device (the field app): it lasts 30 days unused, 90 days at most, and is listed by this name under the account’s sessions, where it can be ended.',
    }),
  ),
});

export const OwnAccountResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  name: Type.String(),
  language: stringEnum(LANGUAGES),
  hasPassword: Type.Boolean(),
  oidcLinked: Type.Boolean(),
  sessionScope: Type.Union([Type.Null(), Type.String()], {
    description: 'The municipality whose login this session came through; null after a password login',
  }),
  canChangeAccount: Type.Boolean({
    description:
      'Name and language can be changed in this session (it covers every municipality of the account)',
  }),
  canLink: Type.Boolean({
    description: 'A password session: may link the account to a login, or remove the link',
  }),
  memberships: Type.Array(Type.Object({ kommunenummer: Type.String(), name: Type.String() })),
  providers: Type.Array(Type.Object({ kommunenummer: Type.String(), name: Type.String() })),
});

export const OwnAccountBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' })),
    language: Type.Optional(stringEnum(LANGUAGES)),
  },
  { additionalProperties: false },
);

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
