// Loads a demo municipality's made-up subscribers, with their email confirmed (as an import with
// consent would be), so the demo's notice fan-out has someone to reach. Rows are written directly;
// nothing is sent. Skipped when the municipality has any subscriber already.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import { subscribers } from './schema.ts';

export interface DemoSubscriber {
  address: string;
  lat: number;
  lon: number;
  language: Language;
  /** Made up, on example.no / example.org. */
  email: string;
  /** Set for a vulnerable subscriber (sårbar abonnent): why. */
  vulnerableNote?: string;
  contactName?: string;
}

/** Returns how many subscribers it added. */
export async function seedDemoSubscribers(
  db: Database,
  kommunenummer: string,
  demo: readonly DemoSubscriber[],
  now: Date = new Date(),
): Promise<number> {
  if (demo.length === 0) return 0;
  const [existing] = await db
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(eq(subscribers.kommunenummer, kommunenummer))
    .limit(1);
  if (existing) return 0;
  await db.insert(subscribers).values(
    demo.map((s) => ({
      kommunenummer,
      address: s.address,
      lat: s.lat,
      lon: s.lon,
      language: s.language,
      email: s.email,
      emailConfirmedAt: now,
      source: 'import' as const,
      vulnerable: s.vulnerableNote !== undefined,
      vulnerableNote: s.vulnerableNote ?? null,
      contactName: s.contactName ?? null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return demo.length;
}
