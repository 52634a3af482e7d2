// The embedded demo's field worker gets a few open tasks of their own, so the field app
// (/admin/felt) shows something to work on at once. They go through the normal intake (numbering,
// history) as reports from the field, then are assigned with a priority. Skipped when the field
// worker has ever had a task assigned, so a restart adds nothing and worked tasks stay worked.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { type CreateReportDeps, createReport } from '../reports/create-report.ts';

interface DemoTask {
  category: string;
  description: string;
  address: string;
  location: { lat: number; lon: number };
  priority: 'hoy' | 'normal' | 'lav';
}

/** In Porsgrunn's centre, a few hundred metres apart. */
const TASKS: DemoTask[] = [
  {
    category: 'vann-lekkasje',
    description: 'Vann renner opp gjennom asfalten ved fortauskanten.\nMeldt av driftsvakt på runde.',
    address: 'Storgata 120, Porsgrunn',
    location: { lat: 59.1406, lon: 9.6564 },
    priority: 'hoy',
  },
  {
    category: 'vann-brannhydrant',
    description: 'Brannhydranten er påkjørt og står skjevt. Lokket mangler.',
    address: 'Jernbanegata 5, Porsgrunn',
    location: { lat: 59.1431, lon: 9.6529 },
    priority: 'normal',
  },
  {
    category: 'vann-lavt-trykk',
    description: 'Lavt trykk i hele boligfeltet siden i morges.',
    address: 'Kirkegata 30, Porsgrunn',
    location: { lat: 59.1379, lon: 9.6617 },
    priority: 'lav',
  },
];

/** Returns how many tasks were made (0 when the field worker already has or had some). */
export async function seedDemoFieldTasks(
  deps: CreateReportDeps,
  kommunenummer: string,
  email: string,
): Promise<number> {
  const db = deps.database.db;
  const [worker] = await queryRows<{ id: string; assigned: boolean }>(
    db,
    sql`select u.id, exists (select 1 from reports r where r.assignee_id = u.id) as assigned
      from staff_users u where u.email = ${email}`,
  );
  if (!worker || worker.assigned) return 0;
  for (const task of TASKS) {
    const created = await createReport(deps, {
      category: task.category,
      municipality: kommunenummer,
      location: task.location,
      address: task.address,
      description: task.description,
      channel: 'felt',
      actor: worker.id,
    });
    await db.execute(
      sql`update reports set assignee_id = ${worker.id}, priority = ${task.priority} where id = ${created.id}`,
    );
  }
  return TASKS.length;
}
