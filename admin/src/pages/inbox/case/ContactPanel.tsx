// The reporter's contact details, fetched only on request: each look is written to the audit log,
// which the button says before it is pressed.
import { useState } from 'react';
import { errorText } from '../../../api/error-text.ts';
import { Button } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { caseApi } from '../inbox-api.ts';
import type { Contact } from '../types.ts';

export function ContactPanel({ k, id, hasContact }: { k: string; id: string; hasContact: boolean }) {
  const t = useT();
  const [contact, setContact] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!hasContact) return <p>{t('case.contact.none')}</p>;
  const show = () => {
    setBusy(true);
    setProblem(null);
    caseApi
      .contact(k, id)
      .then(setContact)
      .catch((e: unknown) => setProblem(errorText(e, t)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="case-contact" aria-live="polite">
      {contact ? (
        <dl className="case-facts">
          <dt>{t('case.contact.name')}</dt>
          <dd>{contact.name ?? '–'}</dd>
          <dt>{t('case.contact.email')}</dt>
          <dd>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '–'}</dd>
          <dt>{t('case.contact.phone')}</dt>
          <dd>
            {contact.phone ? <a href={`tel:${contact.phone.replace(/\s/g, '')}`}>{contact.phone}</a> : '–'}
          </dd>
          <dt>{t('case.contact.notify')}</dt>
          <dd>{t(`case.contact.notifyBy.${contact.notify}`)}</dd>
        </dl>
      ) : (
        <>
          <p className="field-hint" id={`contact-hint-${id}`}>
            {t('case.contact.logged')}
          </p>
          <Button variant="secondary" busy={busy} aria-describedby={`contact-hint-${id}`} onClick={show}>
            {t('case.contact.show')}
          </Button>
        </>
      )}
      {problem ? <p className="field-error">{problem}</p> : null}
    </div>
  );
}
