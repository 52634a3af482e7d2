// After saving: the reference, big, to read out to the caller; copy it, or start on the next
// caller with an empty form (nothing of this caller is kept).
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';

export function Receipt({
  kommunenummer,
  id,
  reference,
  onNext,
}: {
  kommunenummer: string;
  id: string;
  reference: string;
  onNext(): void;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => heading.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(reference);
      setCopied(t('frontDesk.copied'));
    } catch {
      setCopied(t('frontDesk.copyFailed'));
    }
  }
  return (
    <section className="desk-receipt" aria-labelledby="desk-receipt-title">
      <h2 id="desk-receipt-title" tabIndex={-1} ref={heading}>
        {t('frontDesk.savedTitle')}
      </h2>
      <p>{t('frontDesk.readOut')}</p>
      <p className="desk-reference" data-testid="reference">
        {reference}
      </p>
      <div className="form-actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('frontDesk.copy')}
        </Button>
        <Button onClick={onNext}>{t('frontDesk.next')}</Button>
        <Link to={`/m/${kommunenummer}/reports/${id}`}>{t('frontDesk.openCase')}</Link>
      </div>
      <p role="status" aria-live="polite">
        {copied}
      </p>
    </section>
  );
}
