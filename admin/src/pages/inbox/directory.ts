// Who and what a case handler can pick from: teams, people, category groups and categories.
// The staff API has no list of these for case handlers (only the admin endpoints, for admins), so
// an administrator gets the full lists, and everyone else what the session and the loaded
// reports name: their own teams, themselves, and every team, person and category seen so far.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { hasRole, useMembership, useStaffSession } from '../../session/index.ts';
import type { InboxItem, Named } from './types.ts';

type Localized = { nb: string; nn?: string; en?: string };

export interface Category extends Named {
  groupId: string;
}

export interface Directory {
  teams: Named[];
  people: Named[];
  groups: Named[];
  categories: Category[];
  /** Whether the lists are complete (from the admin API) or only what has been seen. */
  complete: boolean;
  /** Adds the teams, people and categories of loaded reports. */
  learn(items: InboxItem[]): void;
}

function merge<T extends Named>(known: T[], more: T[]): T[] {
  const byId = new Map(known.map((x) => [x.id, x]));
  let changed = false;
  for (const x of more) {
    if (!byId.has(x.id)) {
      byId.set(x.id, x);
      changed = true;
    }
  }
  if (!changed) return known;
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export function useDirectory(): Directory {
  const t = useT();
  const membership = useMembership();
  const { user } = useStaffSession();
  const k = membership.kommunenummer;
  const isAdmin = hasRole(membership, 'admin');
  const [teams, setTeams] = useState<Named[]>(() => merge([], membership.teams));
  const [people, setPeople] = useState<Named[]>(() => [{ id: user.id, name: user.name }]);
  const [groups, setGroups] = useState<Named[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [complete, setComplete] = useState(false);
  const language = t.language;

  useEffect(() => {
    if (!isAdmin) return;
    const pick = (text: Localized) => text[language] || text.nb;
    const prefix = `/api/v1/staff/m/${k}/admin`;
    Promise.all([
      api.get<{ teams: Named[] }>(`${prefix}/teams`),
      api.get<{ users: (Named & { active: boolean })[] }>(`${prefix}/users`),
      api.get<{ groups: { id: string; name: Localized }[] }>(`${prefix}/groups`),
      api.get<{ categories: { id: string; groupId: string; name: Localized }[] }>(`${prefix}/categories`),
    ])
      .then(([t1, u, g, c]) => {
        setTeams((known) => merge(known, t1.teams));
        setPeople((known) =>
          merge(
            known,
            u.users.filter((x) => x.active),
          ),
        );
        setGroups((known) =>
          merge(
            known,
            g.groups.map((x) => ({ id: x.id, name: pick(x.name) })),
          ),
        );
        setCategories((known) =>
          merge(
            known,
            c.categories.map((x) => ({ id: x.id, groupId: x.groupId, name: pick(x.name) })),
          ),
        );
        setComplete(true);
      })
      .catch(() => {
        // The lists stay as seen in the reports.
      });
  }, [isAdmin, k, language]);

  const learn = useCallback((items: InboxItem[]) => {
    setTeams((known) =>
      merge(
        known,
        items.flatMap((i) => (i.team ? [i.team] : [])),
      ),
    );
    setPeople((known) =>
      merge(
        known,
        items.flatMap((i) => (i.assignee ? [i.assignee] : [])),
      ),
    );
    setGroups((known) =>
      merge(
        known,
        items.map((i) => i.group),
      ),
    );
    setCategories((known) =>
      merge(
        known,
        items.map((i) => ({ ...i.category, groupId: i.group.id })),
      ),
    );
  }, []);

  return useMemo(
    () => ({ teams, people, groups, categories, complete, learn }),
    [teams, people, groups, categories, complete, learn],
  );
}
