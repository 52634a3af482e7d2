// The shapes of the session list (mine, and an administrator's view of a staff member's).
import { Type } from 'typebox';
import { DEVICE_NAME_MAX_LENGTH } from './sessions.ts';

export const SessionItem = Type.Object({
  id: Type.String({ description: 'Public id of the session (not its token; cannot open it)' }),
  deviceName: Type.Union([Type.String(), Type.Null()], { description: 'Set for a device (the field app)' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  method: Type.String({ description: 'password or oidc' }),
  scope: Type.Union([Type.String(), Type.Null()], {
    description: 'The only municipality an identity-provider session may act in; null: all',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time', description: 'Ends then unless used before' }),
  current: Type.Boolean({ description: 'The session of this request' }),
});

export const SessionListResponse = Type.Object({ sessions: Type.Array(SessionItem) });

export const SessionIdParams = Type.Object({
  sessionId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const DeviceNameBody = Type.Object({
  deviceName: Type.String({ minLength: 1, maxLength: DEVICE_NAME_MAX_LENGTH, format: 'single-line' }),
});
