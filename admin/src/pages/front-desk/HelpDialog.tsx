// The front desk's keyboard shortcuts, opened with "?" (outside a text field) or its button.
import { useEffect, useRef } from 'react';
import { Button } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';

export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const rows: [string, string][] = [
    ['Ctrl + Enter', t('frontDesk.keySave')],
    ['↓ / ↑', t('frontDesk.keyArrows')],
    ['Enter', t('frontDesk.keyChoose')],
    ['Esc', t('frontDesk.keyEscape')],
    ['?', t('frontDesk.keyHelp')],
  ];
  return (
    <dialog ref={ref} className="desk-help" aria-labelledby="desk-help-title" onClose={onClose}>
      <h2 id="desk-help-title">{t('frontDesk.helpTitle')}</h2>
      <p>{t('frontDesk.helpIntro')}</p>
      <dl>
        {rows.map(([key, text]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <Button onClick={onClose}>{t('frontDesk.close')}</Button>
    </dialog>
  );
}
