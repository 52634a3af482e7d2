// The administration API's shapes (src/modules/admin/admin-http-schemas.ts), from the types
// generated from the server's OpenAPI document, and its address.
import type { Answer } from '../../../api/types.ts';
import { PUBLIC_LOCATIONS, QUESTION_TYPES, STAFF_ROLES } from '../../../api/types.ts';
import { useMembership } from '../../../session/index.ts';

/** The municipality the administration pages are about. */
export function useKommunenummer(): string {
  return useMembership().kommunenummer;
}

/** The administration API's address for this municipality; also what its form drafts are kept under. */
export function useAdminPrefix(): string {
  return `/api/v1/staff/m/${useMembership().kommunenummer}/admin`;
}

/** The administration API's base path; its paths and answers are typed by api/schema.d.ts. */
export const ADMIN = '/api/v1/staff/m/{kommunenummer}/admin';
type A = typeof ADMIN;

/** openapi-fetch's options for an administration path of municipality `k`. */
export const at = (kommunenummer: string) => ({ params: { path: { kommunenummer } } });
/** The same, for a path about one record. */
export const atId = (kommunenummer: string, id: string) => ({ params: { path: { kommunenummer, id } } });

export type Group = Answer<`${A}/groups`>['groups'][number];
export type Category = Answer<`${A}/categories`>['categories'][number];
export type Question = Category['questions'][number];
export type QuestionType = Question['type'];
export type QuestionOption = NonNullable<Question['options']>[number];
export { PUBLIC_LOCATIONS, QUESTION_TYPES, STAFF_ROLES };
/** How much of a report's place the public sees (categories.public_location). */
export type PublicLocation = Category['publicLocation'];
export type Team = Answer<`${A}/teams`>['teams'][number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type User = Answer<`${A}/users`>['users'][number];
export type Invitation = Answer<`${A}/invitations`>['invitations'][number];
export type Template = Answer<`${A}/templates`>['templates'][number];
export type ReportLink = Answer<`${A}/report-links`>['links'][number];

/** A code for a new record from its name: "Vann – lekkasje" → "vann-lekkasje". */
export function codeFrom(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      // Runs of dashes are one dash by now, so one at each end is all there can be.
      .replace(/^-|-$/g, '')
      .slice(0, 60)
  );
}
