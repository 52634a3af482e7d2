// Merging duplicates: find the other report (by reference, or among open reports of the same
// category), say which one is the primary, and confirm in a dialog that names both.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button, StatusBadge } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { caseApi, inboxApi } from '../inbox-api.ts';
import { CASE_CONTROLS, useInboxContext } from '../inbox-context.ts';
import type { InboxItem } from '../types.ts';
import { ActionBox } from './ActionBox.tsx';
import type { ActionProps } from './action-props.ts';
import { useAction } from './useAction.ts';

export function MergeForm({ c, k, onChanged, onReload }: ActionProps) {
  const t = useT();
  const id = useId();
  const { onCaseChanged, onListChanged } = useInboxContext();
  const state = useAction(onChanged);
  const [q, setQ] = useState('');
  const [candidates, setCandidates] = useState<InboxItem[]>([]);
  const [searched, setSearched] = useState(false);
  const [other, setOther] = useState('');
  const [primary, setPrimary] = useState<'this' | 'other'>('this');
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  // Open reports of the same category, the likeliest duplicates.
  useEffect(() => {
    inboxApi
      .list(k, { category: c.category.id, status: 'open', limit: 10 })
      .then((page) => setCandidates(page.items.filter((i) => i.id !== c.id)))
      .catch(() => undefined);
  }, [k, c.category.id, c.id]);

  useEffect(() => {
    const d = dialog.current;
    if (asking && d && !d.open) d.showModal();
    if (!asking && d?.open) d.close();
  }, [asking]);

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    if (!q.trim()) return;
    inboxApi
      .list(k, { q: q.trim(), status: REPORT_ANY, limit: 10 })
      .then((page) => {
        setCandidates(page.items.filter((i) => i.id !== c.id));
        setSearched(true);
      })
      .catch(() => setCandidates([]));
  };
  const otherItem = candidates.find((i) => i.id === other);
  const primaryRef = primary === 'this' ? c.ref : (otherItem?.ref ?? '');
  const duplicateRef = primary === 'this' ? (otherItem?.ref ?? '') : c.ref;

  const merge = () => {
    setAsking(false);
    void state
      .run(
        async () => {
          if (primary === 'this')
            return caseApi.act(k, c.id, 'merge', { duplicateIds: [other], version: c.version });
          const main = await caseApi.get(k, other);
          onCaseChanged(
            await caseApi.act(k, other, 'merge', { duplicateIds: [c.id], version: main.version }),
          );
          return caseApi.get(k, c.id);
        },
        t('case.merge.done', { primary: primaryRef }),
      )
      // The duplicate now has status Duplikat and leaves the default list.
      .then((ok) => ok && onListChanged());
  };

  return (
    <ActionBox
      title={t('case.merge.title')}
      folded
      state={state}
      submitLabel={t('case.merge.submit')}
      onSubmit={() => {
        setProblem(otherItem ? null : t('case.merge.pickOne'));
        if (otherItem) setAsking(true);
      }}
      onReload={onReload}
    >
      <div className="merge-search">
        <div className="field">
          <label htmlFor={CASE_CONTROLS.merge}>{t('case.merge.search')}</label>
          <input
            id={CASE_CONTROLS.merge}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                search();
              }
            }}
          />
        </div>
        <Button variant="secondary" onClick={() => search()}>
          {t('case.merge.find')}
        </Button>
      </div>
      <fieldset className={problem ? 'field-invalid' : undefined}>
        <legend>{searched ? t('case.merge.results') : t('case.merge.sameCategory')}</legend>
        {problem ? <p className="field-error">{problem}</p> : null}
        {candidates.length === 0 ? <p>{t('case.merge.noCandidates')}</p> : null}
        {candidates.map((item) => (
          <label key={item.id} className="check merge-candidate">
            <input
              type="radio"
              name={`${id}-other`}
              value={item.id}
              checked={other === item.id}
              onChange={() => setOther(item.id)}
            />
            <span>
              <strong>{item.ref}</strong> {item.category.name} <StatusBadge status={item.status} />
              {item.address ? <span className="merge-address"> · {item.address}</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('case.merge.whichPrimary')}</legend>
        <label className="check">
          <input
            type="radio"
            name={`${id}-primary`}
            checked={primary === 'this'}
            onChange={() => setPrimary('this')}
          />
          {t('case.merge.thisPrimary', { ref: c.ref })}
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-primary`}
            checked={primary === 'other'}
            onChange={() => setPrimary('other')}
          />
          {t('case.merge.otherPrimary')}
        </label>
      </fieldset>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby={`${id}-confirm`}
        onClose={() => setAsking(false)}
      >
        <h2 id={`${id}-confirm`}>{t('case.merge.confirmTitle')}</h2>
        <p>{t('case.merge.confirmText', { primary: primaryRef, duplicate: duplicateRef })}</p>
        <div className="dialog-actions">
          <Button onClick={merge}>{t('case.merge.confirm')}</Button>
          <Button variant="secondary" onClick={() => setAsking(false)}>
            {t('case.cancel')}
          </Button>
        </div>
      </dialog>
    </ActionBox>
  );
}

/** Every status but duplikat, so a search by reference finds closed reports too. */
const REPORT_ANY = 'mottatt,under_behandling,planlagt,utfort,privat_ansvar,videresendt,avvist,lukket';
