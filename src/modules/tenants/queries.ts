import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { municipalities } from './schema.ts';

export type Municipality = typeof municipalities.$inferSelect;

export async function findMunicipality(
  db: Queryable,
  kommunenummer: string,
): Promise<Municipality | undefined> {
  const rows = await db.select().from(municipalities).where(eq(municipalities.kommunenummer, kommunenummer));
  return rows[0];
}
