// The block that tells a person trying the embedded demo how to log in to the back office.
// Printed (not logged) once the start-up log lines are done: passwords never go into a log.
import type { DemoAccount } from '../modules/accounts/seed-demo-staff.ts';

export function demoAccountsText(
  accounts: readonly DemoAccount[],
  publicUrl: string,
  passwordFile: string,
): string {
  const lines = accounts.map((a) => `  ${a.role.padEnd(14)} ${a.email.padEnd(36)} ${a.password}`);
  return [
    '',
    `Demo back office: ${publicUrl}/admin/`,
    ...lines,
    `  (kept in ${passwordFile} for the next start; delete that file for new passwords)`,
    '',
    '',
  ].join('\n');
}
