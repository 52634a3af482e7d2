// An address someone typed to follow a report, and its owner never confirmed, is not kept: after
// a day the request is deleted. The log the hourly caps count (follow_requests) is kept an hour.
import { and, isNull, lt } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { followRequests, reportFollowers } from './schema.ts';

export const UNCONFIRMED_TTL_HOURS = 24;

export async function forgetUnconfirmedFollowers(
  db: Queryable,
  now = new Date(),
): Promise<{ followers: number }> {
  const dayAgo = new Date(now.getTime() - UNCONFIRMED_TTL_HOURS * 3600_000);
  const forgotten = await db
    .delete(reportFollowers)
    .where(and(isNull(reportFollowers.confirmedAt), lt(reportFollowers.createdAt, dayAgo)))
    .returning({ id: reportFollowers.id });
  await db.delete(followRequests).where(lt(followRequests.createdAt, new Date(now.getTime() - 3600_000)));
  return { followers: forgotten.length };
}
