// GET /dashboard's answer (src/modules/stats/stats-http-schemas.ts), from the generated API types.
import type { Answer } from '../../api/types.ts';

export type Dashboard = Answer<'/api/v1/staff/m/{kommunenummer}/dashboard'>;
export type OverdueItem = Dashboard['overdue'][number];
/** "Is it really fixed?" questions asked in the period, by answer. */
export type FixFeedback = Dashboard['fixFeedback'];

/** Which roles may export (docs/authorisation.md: case.export, case.export_personal). */
export const EXPORT_ROLES = ['admin', 'saksbehandler', 'leser'];
export const EXPORT_PERSONAL_ROLES = ['admin', 'saksbehandler'];
