// One group's categories in their order. Drag a row to move it, or use its "Move up/down"
// buttons (the keyboard way, with the new place announced); either saves the order at once
// (POST /admin/categories/order). Deactivate/reactivate instead of delete.
import { type DragEvent, useState } from 'react';
import { Button } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { Category } from '../shared/api.ts';
import { pick } from '../shared/forms.ts';

export function CategoryList({
  categories,
  onReorder,
  onEdit,
  onSetActive,
}: {
  categories: Category[];
  /** The group's category ids in the new order, and which moved (for focus and the announcement). */
  onReorder(ids: string[], moved: Category, focusButton: 'up' | 'down' | null): void;
  onEdit(category: Category): void;
  onSetActive(category: Category, active: boolean): void;
}) {
  const t = useT();
  const [dragging, setDragging] = useState<string | null>(null);
  const ids = categories.map((c) => c.id);
  const moveTo = (category: Category, to: number, focusButton: 'up' | 'down' | null) => {
    const from = ids.indexOf(category.id);
    if (to < 0 || to >= ids.length || to === from) return;
    const next = ids.filter((id) => id !== category.id);
    next.splice(to, 0, category.id);
    onReorder(next, category, focusButton);
  };
  const drop = (event: DragEvent, target: Category) => {
    event.preventDefault();
    const moved = categories.find((c) => c.id === dragging);
    setDragging(null);
    if (moved) moveTo(moved, ids.indexOf(target.id), null);
  };
  return (
    <ol className="admin-list category-list">
      {categories.map((category, index) => {
        const name = pick(category.name, t.language);
        return (
          <li
            key={category.id}
            draggable
            data-dragging={dragging === category.id ? 'true' : undefined}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', category.id);
              setDragging(category.id);
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => drop(event, category)}
          >
            <span className="category-name">
              <span className="drag-handle" aria-hidden="true">
                ⋮⋮
              </span>
              {name} <span className="muted">({category.code})</span>
              {category.active ? null : <span className="inactive-tag">{t('admin.form.inactive')}</span>}
            </span>
            <span className="row-actions">
              <Button
                variant="secondary"
                data-move="up"
                data-category={category.id}
                disabled={index === 0}
                onClick={() => moveTo(category, index - 1, 'up')}
              >
                {t('admin.order.up')}
                <span className="visually-hidden"> {name}</span>
              </Button>
              <Button
                variant="secondary"
                data-move="down"
                data-category={category.id}
                disabled={index === categories.length - 1}
                onClick={() => moveTo(category, index + 1, 'down')}
              >
                {t('admin.order.down')}
                <span className="visually-hidden"> {name}</span>
              </Button>
              <Button variant="secondary" onClick={() => onEdit(category)}>
                {t('admin.form.edit')}
                <span className="visually-hidden"> {name}</span>
              </Button>
              <Button variant="secondary" onClick={() => onSetActive(category, !category.active)}>
                {category.active ? t('admin.category.deactivate') : t('admin.category.reactivate')}
                <span className="visually-hidden"> {name}</span>
              </Button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
