// Every table, for drizzle-kit and for typed queries. Each module owns its own tables.
export * from '../modules/accounts/schema.ts';
export * from '../modules/assets/schema.ts';
export * from '../modules/audit/schema.ts';
export * from '../modules/cases/schema.ts';
export * from '../modules/categories/schema.ts';
export * from '../modules/field/schema.ts';
export * from '../modules/geo/schema.ts';
export * from '../modules/incidents/schema.ts';
export * from '../modules/invitations/schema.ts';
export * from '../modules/notices/schema.ts';
export * from '../modules/notifications/schema.ts';
export * from '../modules/photos/schema.ts';
export * from '../modules/report-links/schema.ts';
export * from '../modules/reports/schema.ts';
export * from '../modules/subscriptions/schema.ts';
export * from '../modules/tenants/schema.ts';
