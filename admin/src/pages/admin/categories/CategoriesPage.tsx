// Administrasjon › Kategorier: the groups with their categories in the order residents see them;
// create and edit categories, reorder them within a group (drag, or the keyboard's move buttons),
// deactivate or bring back (never delete: old reports keep their category). New groups too.
import { useCallback, useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, EmptyState, ErrorSummary, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import {
  ADMIN,
  at,
  atId,
  type Category,
  type Group,
  type Team,
  useAdminPrefix,
  useKommunenummer,
} from '../shared/api.ts';
import { pick, summaryItems } from '../shared/forms.ts';
import { SavedNotice } from '../shared/inputs.tsx';
import { CategoryForm } from './CategoryForm.tsx';
import { CategoryList } from './CategoryList.tsx';
import { NewGroup } from './NewGroup.tsx';
import './categories.css';

const bySortOrder = (a: { sortOrder: number }, b: { sortOrder: number }) => a.sortOrder - b.sortOrder;

export default function CategoriesPage() {
  const k = useKommunenummer();
  const t = useT();
  const prefix = useAdminPrefix();
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<{ groupId: string; categoryId: string | null } | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    Promise.all([
      ok(client.GET(`${ADMIN}/groups`, at(k))),
      ok(client.GET(`${ADMIN}/categories`, at(k))),
      ok(client.GET(`${ADMIN}/teams`, at(k))),
    ]).then(([g, c, tm]) => {
      setGroups(g.groups.sort(bySortOrder));
      setCategories(c.categories);
      setTeams(tm.teams);
    }, setError);
  }, [k]);

  const merge = useCallback((changed: Category[]) => {
    setCategories((old) => {
      const known = new Map(old.map((c) => [c.id, c]));
      for (const c of changed) known.set(c.id, c);
      return [...known.values()];
    });
  }, []);

  async function reorder(ids: string[], moved: Category, focusButton: 'up' | 'down' | null) {
    setError(null);
    const before = categories;
    // Shown at once; put back if the server refuses.
    merge(
      ids.map((id, index) => ({ ...(categories.find((c) => c.id === id) as Category), sortOrder: index })),
    );
    try {
      const result = await ok(client.POST(`${ADMIN}/categories/order`, { ...at(k), body: { ids } }));
      merge(result.categories);
      setSaved(
        t('admin.order.moved', {
          name: pick(moved.name, t.language),
          position: ids.indexOf(moved.id) + 1,
          count: ids.length,
        }),
      );
      if (focusButton) {
        // The pressed button may now be disabled (top or bottom): keep focus on the row's other one.
        requestAnimationFrame(() => {
          const pick = (which: string) =>
            document.querySelector<HTMLButtonElement>(
              `button[data-category="${moved.id}"][data-move="${which}"]`,
            );
          const own = pick(focusButton);
          (own && !own.disabled ? own : pick(focusButton === 'up' ? 'down' : 'up'))?.focus();
        });
      }
    } catch (failure) {
      setCategories(before);
      setError(failure);
    }
  }

  async function setActive(category: Category, active: boolean) {
    setError(null);
    try {
      merge([
        await ok(client.PUT(`${ADMIN}/categories/{id}`, { ...atId(k, category.id), body: { active } })),
      ]);
      setSaved(
        t(active ? 'admin.category.reactivated' : 'admin.category.deactivated', {
          name: pick(category.name, t.language),
        }),
      );
    } catch (failure) {
      setError(failure);
    }
  }

  if (groups === null)
    return (
      <>
        <PageHeading title={t('admin.categories')} />
        {error ? (
          <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'categories')} />
        ) : (
          <Loading />
        )}
      </>
    );
  return (
    <>
      <PageHeading title={t('admin.categories')} />
      <p>{t('admin.categories.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'categories')} />
      <SavedNotice message={saved} />
      {groups.length === 0 ? <EmptyState title={t('admin.categories.noGroups')} /> : null}
      {groups.map((group) => {
        const inGroup = categories.filter((c) => c.groupId === group.id).sort(bySortOrder);
        const groupName = pick(group.name, t.language);
        const editingHere = editing?.groupId === group.id ? editing : null;
        const current = editingHere?.categoryId
          ? (categories.find((c) => c.id === editingHere.categoryId) ?? null)
          : null;
        return (
          <section
            key={group.id}
            className="admin-section category-group"
            aria-labelledby={`group-${group.id}`}
          >
            <h2 id={`group-${group.id}`}>
              {groupName}
              {group.active ? null : <span className="inactive-tag">{t('admin.form.inactive')}</span>}
            </h2>
            {inGroup.length === 0 ? (
              <p className="muted">{t('admin.categories.emptyGroup')}</p>
            ) : (
              <CategoryList
                categories={inGroup}
                onReorder={(ids, moved, focus) => void reorder(ids, moved, focus)}
                onEdit={(c) => setEditing({ groupId: group.id, categoryId: c.id })}
                onSetActive={(c, active) => void setActive(c, active)}
              />
            )}
            {editingHere ? (
              <div className="category-editor">
                <h3>
                  {current
                    ? t('admin.category.editNamed', { name: pick(current.name, t.language) })
                    : t('admin.category.newIn', { group: groupName })}
                </h3>
                <CategoryForm
                  key={current?.id ?? 'new'}
                  prefix={prefix}
                  category={current}
                  groupId={group.id}
                  groups={groups}
                  teams={teams}
                  onCancel={() => setEditing(null)}
                  onSaved={(category) => {
                    merge([category]);
                    setEditing(null);
                    setSaved(t('admin.category.saved', { name: pick(category.name, t.language) }));
                  }}
                />
              </div>
            ) : (
              <Button variant="secondary" onClick={() => setEditing({ groupId: group.id, categoryId: null })}>
                {t('admin.category.newNamed', { group: groupName })}
              </Button>
            )}
          </section>
        );
      })}
      <NewGroup
        onCreated={(group) => {
          setGroups((old) => [...(old ?? []), group]);
          setSaved(t('admin.group.created', { name: pick(group.name, t.language) }));
        }}
      />
    </>
  );
}
