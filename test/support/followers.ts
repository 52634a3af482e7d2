// Followers written straight to the table, confirmed or only asked for, for tests about what
// happens to followers (the follow form and its confirmation are tested over HTTP elsewhere).
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';

export async function addFollower(
  db: Database,
  reportId: string,
  follower: { email?: string; phone?: string; language?: string; confirmed?: boolean },
): Promise<void> {
  await db.execute(
    sql`insert into report_followers (report_id, email, phone, language, confirmed_at)
        values (${reportId}::uuid, ${follower.email ?? null}, ${follower.phone ?? null},
                ${follower.language ?? 'nb'}, ${follower.confirmed === false ? null : sql`now()`})`,
  );
}
