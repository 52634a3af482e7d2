// Sends a report on to whoever really owns the problem (road authority, power company, another
// municipality). The resident is told to whom, never the email address used to reach them.
import type { Database } from '../../db/client.ts';
import {
  addEvent,
  type CaseActor,
  checkVersion,
  lockReport,
  reporterLanguage,
  updateReport,
} from './case-changes.ts';
import { caseMessages } from './case-messages.ts';

export interface Forwarding {
  to: string;
  email?: string | undefined;
  /** A public word to the resident, added after "Forwarded to …". */
  message?: string | undefined;
  version: string;
}

export async function forwardReport(
  db: Database,
  actor: CaseActor,
  reportId: string,
  forwarding: Forwarding,
): Promise<void> {
  await db.transaction(async (tx) => {
    const report = await lockReport(tx, actor.kommunenummer, reportId);
    await checkVersion(tx, report, forwarding.version);
    const to = forwarding.to.trim();
    const email = forwarding.email?.trim() || null;
    const extra = forwarding.message?.trim() || null;
    const language = await reporterLanguage(tx, report.id);
    const told = caseMessages.forwardedTo(to)[language];
    await updateReport(tx, report, {
      status: 'videresendt',
      forwardedTo: to,
      forwardedToEmail: email,
      firstPublicReply: extra !== null,
    });
    await addEvent(tx, report.id, actor.userId, {
      kind: 'forwarded',
      public: true,
      status: 'videresendt',
      message: extra ? `${told}\n\n${extra}` : told,
      before: {
        status: report.status,
        forwardedTo: report.forwardedTo,
        forwardedToEmail: report.forwardedToEmail,
      },
      after: { status: 'videresendt', forwardedTo: to, forwardedToEmail: email },
    });
  });
}
