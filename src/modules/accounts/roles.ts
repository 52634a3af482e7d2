// Roles a staff account can hold in a municipality (see docs/authorisation.md for what each may do).
export const STAFF_ROLES = ['admin', 'saksbehandler', 'servicekontor', 'feltarbeider', 'leser'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
