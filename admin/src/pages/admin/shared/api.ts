// The administration API's shapes (src/modules/admin/admin-http-schemas.ts) and its address.
import { useMembership } from '../../../session/index.ts';
import type { Localized } from './forms.ts';

export function useAdminPrefix(): string {
  return `/api/v1/staff/m/${useMembership().kommunenummer}/admin`;
}

export interface Group {
  id: string;
  code: string;
  name: Localized;
  sortOrder: number;
  active: boolean;
}

export type QuestionType = 'text' | 'number' | 'boolean' | 'single' | 'multiple';
export const QUESTION_TYPES: QuestionType[] = ['text', 'number', 'boolean', 'single', 'multiple'];

export interface QuestionOption {
  code: string;
  label: Localized;
  acute?: boolean;
}

export interface Question {
  code: string;
  type: QuestionType;
  required: boolean;
  label: Localized;
  help?: Localized;
  options?: QuestionOption[];
  min?: number;
  max?: number;
}

/** How much of a report's place the public sees (categories.public_location). */
export const PUBLIC_LOCATIONS = ['exact', 'coarse', 'hidden'] as const;
export type PublicLocation = (typeof PUBLIC_LOCATIONS)[number];

export interface Category {
  id: string;
  code: string;
  groupId: string;
  name: Localized;
  help: Localized | null;
  acute: boolean;
  contactRequired: boolean;
  publicDescription: boolean;
  publicLocation: PublicLocation;
  questions: Question[];
  defaultTeamId: string | null;
  deadlineHours: number | null;
  nearbyRadiusMeters: number;
  sortOrder: number;
  active: boolean;
  updatedAt: string;
}

export interface Team {
  id: string;
  code: string;
  name: string;
}

export const STAFF_ROLES = ['admin', 'saksbehandler', 'servicekontor', 'feltarbeider', 'leser'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  language: 'nb' | 'nn' | 'en';
  active: boolean;
  roles: StaffRole[];
  teams: { id: string; name: string }[];
  hasPassword: boolean;
  oidcLinked: boolean;
  /** Whether this administrator may change the name, language and activity (see the server's account-policy.ts). */
  accountEditable: boolean;
}

export interface Invitation {
  id: string;
  email: string;
  name: string;
  language: 'nb' | 'nn' | 'en';
  roles: StaffRole[];
  teams: { id: string; name: string }[];
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'expired';
}

export interface Template {
  id: string;
  name: string;
  status: string | null;
  categoryId: string | null;
  body: Localized;
  sortOrder: number;
  active: boolean;
}

export interface ReportLink {
  id: string;
  code: string;
  label: Localized;
  lat: number | null;
  lon: number | null;
  address: string | null;
  assetRef: string | null;
  suggestedCategories: string[];
  active: boolean;
  url: string;
  qrCodeUrl: string;
  scanCount: number;
  lastScannedAt: string | null;
}

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
