// "Is it really fixed?": asked of the reporter when a report reaches arbeid utført. The relay calls
// this in its own transaction, for the reporter's "done" messages it has just inserted, so a check
// and the message carrying its link are committed together or not at all.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { hashFixCheckToken, issueFixCheckToken } from './fix-check-token.ts';
import { fixChecks } from './schema.ts';

export async function askFixChecks(
  tx: Queryable,
  asked: readonly { id: string; reportId: string }[],
  secret: Buffer,
): Promise<void> {
  // Two "done" events of one report in one relay batch: the later one asks.
  const latest = [...new Map(asked.map((a) => [a.reportId, a])).values()];
  if (latest.length === 0) return;
  // One open question per report: a report done again before its reporter answered asks anew, and
  // the earlier, unanswered question goes (its link then shows "not valid any more"), so the
  // dashboard counts the question once. An answered check stays: it is the record of that answer.
  await tx.execute(
    sql`delete from fix_checks where answered_at is null and report_id in (${sql.join(
      latest.map((a) => sql`${a.reportId}::uuid`),
      sql`, `,
    )})`,
  );
  await tx.insert(fixChecks).values(
    latest.map((a) => ({
      id: a.id,
      reportId: a.reportId,
      tokenHash: hashFixCheckToken(issueFixCheckToken(secret, a.id)),
    })),
  );
}
