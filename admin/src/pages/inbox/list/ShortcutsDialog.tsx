// The "?" dialog: every keyboard shortcut of the inbox and the case view.
import { useEffect, useRef } from 'react';
import { Button } from '../../../components/index.ts';
import { type TextKey, useT } from '../../../i18n/index.ts';

export const SHORTCUTS: [string, TextKey][] = [
  ['j', 'inbox.keys.next'],
  ['k', 'inbox.keys.previous'],
  ['Enter / o', 'inbox.keys.open'],
  ['/', 'inbox.keys.search'],
  ['f', 'inbox.keys.filters'],
  ['x', 'inbox.keys.select'],
  ['a', 'inbox.keys.assign'],
  ['s', 'inbox.keys.status'],
  ['r', 'inbox.keys.reply'],
  ['n', 'inbox.keys.note'],
  ['m', 'inbox.keys.merge'],
  ['Esc', 'inbox.keys.close'],
  ['g i', 'inbox.keys.inbox'],
  ['?', 'inbox.keys.help'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('inbox.keys.title')}</h2>
      <p>{t('inbox.keys.intro')}</p>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, text]) => (
          <div key={keys}>
            <dt>
              {keys.split(' / ').map((key, i) => (
                <span key={key}>
                  {i > 0 ? ' / ' : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(text)}</dd>
          </div>
        ))}
      </dl>
      <Button onClick={onClose}>{t('inbox.keys.closeDialog')}</Button>
    </dialog>
  );
}
