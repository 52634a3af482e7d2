// Authorisation as data: every staff action has one policy, a plain function of who is asking
// and in which municipality. Routes name their action (route config `policy`); the staff-auth
// plugin refuses to start a route under /api/v1/staff without one. The matrix test walks every
// route × role × own/other municipality against ROLE_ACTIONS below.

import { hasRole, type StaffPrincipal } from './principal.ts';
import type { StaffRole } from './roles.ts';

const everyone: readonly StaffRole[] = ['admin', 'saksbehandler', 'servicekontor', 'feltarbeider', 'leser'];
const caseWorkers: readonly StaffRole[] = ['admin', 'saksbehandler'];
const deskAndCase: readonly StaffRole[] = ['admin', 'saksbehandler', 'servicekontor'];
const handsOn: readonly StaffRole[] = ['admin', 'saksbehandler', 'servicekontor', 'feltarbeider'];
const admins: readonly StaffRole[] = ['admin'];

/** Which roles may do each action within their own municipality. */
export const ROLE_ACTIONS = {
  'inbox.read': everyone,
  'inbox.saved_filters': everyone,
  'case.read': everyone,
  /** Seeing a reporter's name, email and phone; every look is logged. */
  'case.read_contact': handsOn,
  'case.change_status': handsOn,
  'case.change_priority': caseWorkers,
  'case.assign': caseWorkers,
  'case.reply_public': deskAndCase,
  'case.note_internal': handsOn,
  /** A staff photo of the work (the field app's camera); internal, never public. */
  'case.add_photo': ['admin', 'saksbehandler', 'feltarbeider'],
  'case.merge': caseWorkers,
  'case.forward': caseWorkers,
  'case.correct': caseWorkers,
  'case.flag_case_handling': caseWorkers,
  'case.bulk': caseWorkers,
  'case.export': ['admin', 'saksbehandler', 'leser'],
  'case.export_personal': caseWorkers,
  'front_desk.register': deskAndCase,
  'front_desk.lookup_caller': deskAndCase,
  /** The field app: my and my teams' open tasks, and reports registered out in the field. */
  'field.tasks': ['admin', 'saksbehandler', 'feltarbeider'],
  'dashboard.read': everyone,
  'notice.read': everyone,
  /** Create a notice as a draft; only case workers publish it. */
  'notice.draft': deskAndCase,
  /** Publish, change and end notices: what residents read and are alerted by. */
  'notice.publish': caseWorkers,
  /** Notice subscribers without contact details; those need case.read_contact (every look logged). */
  'subscriber.read': everyone,
  /** Enter a subscriber at the desk (with consent), flag one as vulnerable, unsubscribe one. */
  'subscriber.manage': deskAndCase,
  /** Import a list of subscribers the municipality holds consent for. */
  'subscriber.import': admins,
  'admin.read': admins,
  'admin.settings': admins,
  'admin.categories': admins,
  'admin.teams': admins,
  'admin.users': admins,
  'admin.templates': admins,
  'admin.report_links': admins,
  'admin.audit': admins,
  'admin.outbox': admins,
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffAction = keyof typeof ROLE_ACTIONS;

export function isStaffAction(value: string): value is StaffAction {
  return Object.hasOwn(ROLE_ACTIONS, value);
}

/** The one question every staff route asks before it does anything. */
export function may(principal: StaffPrincipal, action: StaffAction, kommunenummer: string): boolean {
  return hasRole(principal, kommunenummer, ROLE_ACTIONS[action]);
}
