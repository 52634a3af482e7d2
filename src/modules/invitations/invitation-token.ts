// An invitation's one-time link: 32 random bytes in base64url, only its SHA-256 stored, so a copy
// of the database cannot be used to accept anything.
import { randomBytes } from 'node:crypto';
import { hashToken } from '../accounts/sessions.ts';

/** How long an invitation's link works. */
export const INVITATION_TTL_DAYS = 7;
export const INVITATION_TTL = `${INVITATION_TTL_DAYS} days`;
/** 32 bytes in base64url, as the link carries it. */
export const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function newInvitationToken(): { token: string; tokenHash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/admin/invitation?token=${token}`;
}

/** The idempotency key of the invitation's email (messages), from the token's hash. */
export function invitationEmailKey(tokenHash: Buffer): string {
  return `staff_invitation:${tokenHash.toString('hex')}`;
}
