// What a test needs from the machine, and what happens when it is missing. On a developer's
// machine a test that needs PostgreSQL is skipped without TEST_DATABASE_URL; in CI (`.ci/run`
// sets CI=true) it runs anyway and fails with the reason, so a missing server can never pass as
// a green run.
import { inject } from 'vitest';

/** True in CI: nothing may be skipped for want of a service there. */
export function inCi(): boolean {
  const value = process.env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/** Whether this run has a PostgreSQL server (TEST_DATABASE_URL was set and reachable). */
export function hasPostgres(): boolean {
  return inject('postgresTemplate') !== null;
}

/**
 * For `it.runIf(runsWithPostgres())`: runs when PostgreSQL is there, and also in CI when it is
 * not, where `postgresTemplateOrFail()` then fails the test loudly.
 */
export function runsWithPostgres(): boolean {
  return hasPostgres() || inCi();
}

/** The PostgreSQL template of this run, or a failure that says what is missing. */
export function postgresTemplateOrFail(): { base: string; template: string; prefix: string } {
  const template = inject('postgresTemplate');
  if (!template) {
    throw new Error('This test needs a PostgreSQL server: set TEST_DATABASE_URL (CI must; .ci/run does it).');
  }
  return template;
}
