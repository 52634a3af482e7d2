// A new municipality starts from another one's setup: its teams, category tree (groups,
// categories with their questions, deadlines, acute flags and default teams), reply templates and
// message texts. Every row gets a new id; references between them are carried over by code (a
// category's default team is the new municipality's team with the same code, a reply template's
// category the new category with the same code). Report links are not copied: they are stickers
// on the template municipality's own hydrants and pumping stations.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

export interface CopiedSetup {
  teams: number;
  groups: number;
  categories: number;
  replyTemplates: number;
  messageTemplates: number;
}

export const NOTHING_COPIED: CopiedSetup = {
  teams: 0,
  groups: 0,
  categories: 0,
  replyTemplates: 0,
  messageTemplates: 0,
};

async function insertedCount(db: Queryable, statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with inserted as (${statement} returning 1) select count(*)::int as n from inserted`,
  );
  return row?.n ?? 0;
}

/** Copies the setup of `from` into `to`, which must exist and have none of its own yet. */
export async function copyMunicipalitySetup(db: Queryable, from: string, to: string): Promise<CopiedSetup> {
  const teams = await insertedCount(
    db,
    sql`insert into teams (kommunenummer, code, name)
        select ${to}, t.code, t.name from teams t where t.kommunenummer = ${from}`,
  );
  const groups = await insertedCount(
    db,
    sql`insert into category_groups (kommunenummer, code, name, sort_order, active)
        select ${to}, g.code, g.name, g.sort_order, g.active
          from category_groups g where g.kommunenummer = ${from}`,
  );
  const categories = await insertedCount(
    db,
    sql`insert into categories (kommunenummer, group_id, code, name, help, acute, contact_required,
          public_description, questions, default_team_id, deadline_hours, nearby_radius_meters,
          notice_types, incident_min_reports, incident_radius_meters, incident_window_minutes,
          sort_order, active)
        select ${to}, new_group.id, c.code, c.name, c.help, c.acute, c.contact_required,
          c.public_description, c.questions, new_team.id, c.deadline_hours, c.nearby_radius_meters,
          c.notice_types, c.incident_min_reports, c.incident_radius_meters, c.incident_window_minutes,
          c.sort_order, c.active
          from categories c
          join category_groups old_group on old_group.id = c.group_id
          join category_groups new_group
            on new_group.kommunenummer = ${to} and new_group.code = old_group.code
          left join teams old_team on old_team.id = c.default_team_id
          left join teams new_team on new_team.kommunenummer = ${to} and new_team.code = old_team.code
         where c.kommunenummer = ${from}`,
  );
  const replyTemplates = await insertedCount(
    db,
    sql`insert into reply_templates (kommunenummer, name, status, category_id, body, sort_order, active)
        select ${to}, r.name, r.status, new_category.id, r.body, r.sort_order, r.active
          from reply_templates r
          left join categories old_category on old_category.id = r.category_id
          left join categories new_category
            on new_category.kommunenummer = ${to} and new_category.code = old_category.code
         where r.kommunenummer = ${from}`,
  );
  const messageTemplates = await insertedCount(
    db,
    sql`insert into message_templates (kommunenummer, kind, channel, language, subject, body)
        select ${to}, m.kind, m.channel, m.language, m.subject, m.body
          from message_templates m where m.kommunenummer = ${from}`,
  );
  return { teams, groups, categories, replyTemplates, messageTemplates };
}
