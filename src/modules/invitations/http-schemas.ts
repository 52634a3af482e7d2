// Request and response schemas of invitations: the administrators' list and the invited person's
// page (look up, accept).
import { type Static, Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { STAFF_ROLES } from '../accounts/roles.ts';

const Roles = Type.Array(stringEnum(STAFF_ROLES), { uniqueItems: true, maxItems: 5 });
const TeamIds = Type.Array(Type.String({ format: 'uuid' }), { uniqueItems: true, maxItems: 100 });

export const InvitationCreateBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    language: Type.Optional(stringEnum(LANGUAGES)),
    roles: Roles,
    teamIds: Type.Optional(TeamIds),
    password: Type.Optional(
      Type.Never({
        description:
          'No longer accepted (400): no one chooses a password for someone else; the person sets their own when accepting',
      }),
    ),
  },
  { additionalProperties: false },
);
export type InvitationCreateInput = Static<typeof InvitationCreateBody>;

export const InvitationResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  name: Type.String(),
  language: stringEnum(LANGUAGES),
  roles: Type.Array(stringEnum(STAFF_ROLES)),
  teams: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  status: stringEnum(['pending', 'expired'] as const),
});

const Token = Type.String({ minLength: 1, maxLength: 200, description: 'The token from the emailed link' });
export const TokenBody = Type.Object({ token: Token }, { additionalProperties: false });
export const NewAccountBody = Type.Object(
  {
    token: Token,
    name: Type.String({ minLength: 1, maxLength: 120 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const InvitationLookupResponse = Type.Object({
  municipality: Type.Object({ kommunenummer: Type.String(), name: Type.String() }),
  email: Type.String(),
  name: Type.String(),
  language: stringEnum(LANGUAGES),
  roles: Type.Array(stringEnum(STAFF_ROLES)),
  expiresAt: Type.String({ format: 'date-time' }),
  accountExists: Type.Boolean({ description: 'Accept by logging in (true) or by creating the account' }),
  signedInAsInvitee: Type.Boolean({ description: 'This browser is logged in as the invited address' }),
});

export const AcceptedResponse = Type.Object({
  kommunenummer: Type.String(),
  name: Type.String({ description: "The inviting municipality's name" }),
});
