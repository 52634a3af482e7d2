// Mine varsler: the logged-in member's own notification emails in this municipality
// (GET/PUT /api/v1/staff/m/:k/me/notification-preferences): new reports in their teams off, at
// once or as a morning digest; acute reports at once; deadlines. The result of a save is spoken.
import { type FormEvent, useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import type { Answer } from '../../api/types.ts';
import { Button, ErrorSummary, Loading, type SummaryItem } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership, useStaffSession } from '../../session/index.ts';
import './preferences.css';

const PREFS = '/api/v1/staff/m/{kommunenummer}/me/notification-preferences';
export type Prefs = Answer<typeof PREFS>;
type NewReports = Prefs['newReports'];
/** In the order the page offers them; the type checks each is one the server takes. */
export const NEW_REPORTS: readonly NewReports[] = ['off', 'immediate', 'digest'];

function Option({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <div className="prefs-choice">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

export default function PreferencesPage() {
  const t = useT();
  const { user } = useStaffSession();
  const membership = useMembership();
  const kommunenummer = membership.kommunenummer;
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    ok(client.GET(PREFS, { params: { path: { kommunenummer } }, signal: controller.signal })).then(
      setPrefs,
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError(error);
      },
    );
    return () => controller.abort();
  }, [kommunenummer]);

  const change = (next: Partial<Prefs>) => {
    setPrefs((old) => (old ? { ...old, ...next } : old));
    setNotice('');
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!prefs) return;
    setSaving(true);
    setProblems([]);
    setNotice('');
    try {
      setPrefs(await ok(client.PUT(PREFS, { params: { path: { kommunenummer } }, body: prefs })));
      setNotice(t('prefs.saved'));
    } catch (error) {
      setProblems([{ message: errorText(error, t) }]);
    } finally {
      setSaving(false);
    }
  };

  const teams = membership.teams.map((team) => team.name).join(', ');
  return (
    <div className="prefs-page">
      <PageHeading title={t('prefs.title')} />
      <p>{t('prefs.intro', { municipality: membership.name })}</p>
      <p>{t('prefs.sentTo', { email: user.email })}</p>
      <p className={teams ? undefined : 'notice'}>
        {teams ? t('prefs.teams', { teams }) : t('prefs.noTeams')}
      </p>
      {loadError ? (
        <ErrorSummary title={t('errors.summaryTitle')} items={[{ message: errorText(loadError, t) }]} />
      ) : null}
      <ErrorSummary title={t('prefs.notSaved')} items={problems} />
      {prefs === null ? (
        loadError ? null : (
          <Loading />
        )
      ) : (
        <form className="prefs-form" onSubmit={save} noValidate>
          <fieldset>
            <legend>{t('prefs.newReports')}</legend>
            {NEW_REPORTS.map((value) => (
              <div key={value} className="prefs-choice">
                <input
                  type="radio"
                  id={`prefs-new-${value}`}
                  name="newReports"
                  value={value}
                  checked={prefs.newReports === value}
                  onChange={() => change({ newReports: value })}
                />
                <label htmlFor={`prefs-new-${value}`}>{t(`prefs.newReports.${value}`)}</label>
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('prefs.other')}</legend>
            <Option
              id="prefs-acute"
              label={t('prefs.acute')}
              hint={t('prefs.acuteHint')}
              checked={prefs.acute}
              onChange={(acute) => change({ acute })}
            />
            <Option
              id="prefs-deadlines"
              label={t('prefs.deadlines')}
              hint={t('prefs.deadlinesHint')}
              checked={prefs.deadlines}
              onChange={(deadlines) => change({ deadlines })}
            />
          </fieldset>
          <div className="prefs-actions">
            <Button type="submit" busy={saving} busyLabel={t('prefs.saving')}>
              {t('prefs.save')}
            </Button>
            <p className="prefs-notice" role="status" aria-live="polite">
              {notice}
            </p>
          </div>
        </form>
      )}
    </div>
  );
}
