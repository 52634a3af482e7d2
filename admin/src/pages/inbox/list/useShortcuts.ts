// The inbox's keyboard shortcuts (listed in ShortcutsDialog). None of them fires while typing in
// a field, with a modifier key held, or while a dialog is open (its own keys apply there).
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  next(): void;
  previous(): void;
  open(): void;
  search(): void;
  select(): void;
  control(which: 'assign' | 'status' | 'reply' | 'note' | 'merge'): void;
  close(): void;
  help(): void;
  filters(): void;
  inbox(): void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    let gPressed = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target) || document.querySelector('dialog[open]')) return;
      const h = current.current;
      const key = event.key;
      if (gPressed && Date.now() - gPressed < 1500 && key === 'i') {
        gPressed = 0;
        event.preventDefault();
        h.inbox();
        return;
      }
      gPressed = 0;
      // A map's marker is a button too (role="button", e.g. an asset on the inbox map).
      const onLink =
        event.target instanceof HTMLAnchorElement ||
        event.target instanceof HTMLButtonElement ||
        (event.target instanceof HTMLElement && event.target.getAttribute('role') === 'button');
      const actions: Record<string, () => void> = {
        j: h.next,
        k: h.previous,
        o: h.open,
        '/': h.search,
        f: h.filters,
        x: h.select,
        a: () => h.control('assign'),
        s: () => h.control('status'),
        r: () => h.control('reply'),
        n: () => h.control('note'),
        m: () => h.control('merge'),
        '?': h.help,
        Escape: h.close,
        g: () => {
          gPressed = Date.now();
        },
      };
      // Enter on a link or button does what it always does; elsewhere it opens the row.
      if (key === 'Enter' && !onLink) actions.Enter = h.open;
      const action = actions[key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
