// Loads a municipality with its teams and category tree from data. Only adds what is missing:
// running it again changes nothing, and never overwrites what an administrator has edited.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { seedAssetTypes } from '../assets/seed-asset-types.ts';
import { categories, categoryGroups } from '../categories/schema.ts';
import { seedNoticeTemplates } from '../notices/notice-templates.ts';
import { seedReportLinks } from '../report-links/seed-report-links.ts';
import { createReferenceSequencesAhead } from '../reports/reference.ts';
import type { DemoMunicipality } from './demo/porsgrunn.ts';
import { municipalities, teams } from './schema.ts';

export interface SeedResult {
  municipalities: number;
  teams: number;
  groups: number;
  categories: number;
  reportLinks: number;
  assetTypes: number;
}

export async function seedMunicipality(db: Database, data: DemoMunicipality): Promise<SeedResult> {
  const result = await db.transaction(async (tx) => {
    const added: SeedResult = {
      municipalities: 0,
      teams: 0,
      groups: 0,
      categories: 0,
      reportLinks: 0,
      assetTypes: 0,
    };
    const { kommunenummer } = data;
    const inserted = await tx
      .insert(municipalities)
      .values({
        kommunenummer,
        name: data.name,
        slug: data.slug,
        defaultLanguage: data.defaultLanguage,
        languages: data.languages,
        onCallPhone: data.onCallPhone,
        contactEmail: data.contactEmail,
        enabled: true,
      })
      .onConflictDoNothing()
      .returning({ kommunenummer: municipalities.kommunenummer });
    added.municipalities += inserted.length;

    const teamIds = new Map<string, string>();
    for (const team of data.teams) {
      const rows = await tx
        .insert(teams)
        .values({ kommunenummer, ...team })
        .onConflictDoNothing()
        .returning();
      added.teams += rows.length;
      const [row] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.kommunenummer, kommunenummer), eq(teams.code, team.code)));
      if (row) teamIds.set(team.code, row.id);
    }

    for (const [groupIndex, group] of data.groups.entries()) {
      const groupRows = await tx
        .insert(categoryGroups)
        .values({ kommunenummer, code: group.code, name: group.name, sortOrder: groupIndex * 10 })
        .onConflictDoNothing()
        .returning();
      added.groups += groupRows.length;
      const [groupRow] = await tx
        .select({ id: categoryGroups.id })
        .from(categoryGroups)
        .where(and(eq(categoryGroups.kommunenummer, kommunenummer), eq(categoryGroups.code, group.code)));
      if (!groupRow) throw new Error(`Category group ${group.code} was not stored`);

      for (const [index, category] of group.categories.entries()) {
        const rows = await tx
          .insert(categories)
          .values({
            kommunenummer,
            groupId: groupRow.id,
            code: category.code,
            name: category.name,
            help: category.help ?? null,
            acute: category.acute ?? false,
            contactRequired: category.contactRequired ?? false,
            publicDescription: category.publicDescription ?? true,
            publicLocation: category.publicLocation ?? 'exact',
            questions: category.questions ?? [],
            defaultTeamId: teamIds.get(category.team) ?? null,
            deadlineHours: category.deadlineHours,
            noticeTypes: category.noticeTypes ?? [],
            ...(category.incident
              ? {
                  incidentMinReports: category.incident.minReports,
                  incidentRadiusMeters: category.incident.radiusMeters,
                  incidentWindowMinutes: category.incident.windowMinutes,
                }
              : {}),
            sortOrder: index * 10,
          })
          .onConflictDoNothing()
          .returning({ id: categories.id });
        added.categories += rows.length;
      }
    }
    added.assetTypes = await seedAssetTypes(tx, kommunenummer);
    added.reportLinks = await seedReportLinks(tx, kommunenummer, data.reportLinks ?? []);
    await seedNoticeTemplates(tx, kommunenummer);
    return added;
  });
  // After the commit: processes starting together may race to create them, which is harmless here.
  await createReferenceSequencesAhead(db, [data.kommunenummer]);
  return result;
}
