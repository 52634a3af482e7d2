// Servicekontor: one screen to register a report from a phone call or a visit, in the order the
// conversation goes: how they reached us, who they are (their earlier reports appear at once),
// where, what (category, its questions, the description), how they want to hear back. Open
// reports near the place show before saving. Ctrl+Enter saves; "?" lists the shortcuts.
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { Button, Field } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership } from '../../session/index.ts';
import { errorsByField, useDraft } from '../admin/shared/forms.ts';
import { AddressSearch } from './AddressSearch.tsx';
import { CallerHistory } from './CallerHistory.tsx';
import { CategoryPicker } from './CategoryPicker.tsx';
import { DeskChoices, deskSummary } from './DeskChoices.tsx';
import { useDeskCategories } from './front-desk-api.ts';
import { HelpDialog } from './HelpDialog.tsx';
import { empty, type Intake, notifyOf } from './intake.ts';
import { NearbyReports } from './NearbyReports.tsx';
import { answersForApi, QuestionFields } from './QuestionFields.tsx';
import { Receipt } from './Receipt.tsx';
import './front-desk.css';

export default function FrontDeskPage() {
  const t = useT();
  const membership = useMembership();
  const k = membership.kommunenummer;
  const { categories, onCallPhone, error: loadError } = useDeskCategories(k, t.language);
  const [intake, setIntake, clearDraft] = useDraft<Intake>(`front-desk/${k}`, () => empty(t.language));
  const [round, setRound] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ id: string; ref: string } | null>(null);
  const [help, setHelp] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const category = categories.find((c) => c.code === intake.categoryCode) ?? null;
  const errors = errorsByField(error);
  const set = <K extends keyof Intake>(key: K, value: Intake[K]) =>
    setIntake((old) => ({ ...old, [key]: value }));

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key === '?' && !target.closest('input, textarea, select, [contenteditable]')) {
        event.preventDefault();
        setHelp(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (saving) return;
    setError(null);
    const missing = deskSummary(t, intake, category);
    // deskSummary names a missing category; the second test is for the type checker.
    if (missing || !category) {
      setError(missing);
      return;
    }
    setSaving(true);
    try {
      const contact = {
        ...(intake.name.trim() ? { name: intake.name.trim() } : {}),
        ...(intake.email.trim() ? { email: intake.email.trim() } : {}),
        ...(intake.phone.trim() ? { phone: intake.phone.trim() } : {}),
        notify: notifyOf(intake),
      };
      const result = await ok(
        client.POST('/api/v1/staff/m/{kommunenummer}/front-desk/reports', {
          params: { path: { kommunenummer: k } },
          body: {
            channel: intake.channel,
            categoryId: category.id,
            description: intake.description,
            ...(intake.place.text.trim() ? { address: intake.place.text.trim() } : {}),
            ...(intake.place.lat !== null && intake.place.lon !== null
              ? { lat: intake.place.lat, lon: intake.place.lon }
              : {}),
            answers: answersForApi(category.questions, intake.answers),
            contact,
            language: intake.language,
          },
        }),
      );
      clearDraft();
      setSaved(result);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  function next() {
    clearDraft();
    setIntake(empty(t.language));
    setSaved(null);
    setError(null);
    setRound((r) => r + 1);
    requestAnimationFrame(() => document.getElementById('desk-channel-telefon')?.focus());
  }

  const onFormKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <div className="front-desk">
      <PageHeading title={t('frontDesk.title')} />
      <p className="desk-intro">
        {t('frontDesk.intro')}{' '}
        <Button variant="link" onClick={() => setHelp(true)} aria-haspopup="dialog">
          {t('frontDesk.shortcuts')}
        </Button>
      </p>
      <HelpDialog open={help} onClose={() => setHelp(false)} />
      {saved ? (
        <Receipt kommunenummer={k} id={saved.id} reference={saved.ref} onNext={next} />
      ) : (
        <div className="desk-layout" key={round}>
          <form
            ref={form}
            className="desk-form admin-form"
            onSubmit={(e) => void submit(e)}
            onKeyDown={onFormKey}
            noValidate
            aria-label={t('frontDesk.formLabel')}
          >
            <DeskChoices.Summary error={error} />
            {loadError ? <p className="field-error">{t('frontDesk.categoriesFailed')}</p> : null}
            <DeskChoices.Channel value={intake.channel} onChange={(c) => set('channel', c)} />
            <fieldset className="desk-caller">
              <legend>{t('frontDesk.caller')}</legend>
              <Field
                id="desk-contact-phone"
                type="tel"
                autoComplete="off"
                label={t('frontDesk.phone')}
                value={intake.phone}
                error={errors['contact.phone']}
                onChange={(e) => set('phone', e.target.value)}
              />
              <Field
                id="desk-contact-email"
                type="email"
                autoComplete="off"
                label={t('frontDesk.email')}
                value={intake.email}
                error={errors['contact.email']}
                onChange={(e) => set('email', e.target.value)}
              />
              <Field
                id="desk-contact-name"
                autoComplete="off"
                label={t('frontDesk.name')}
                value={intake.name}
                error={errors['contact.name']}
                onChange={(e) => set('name', e.target.value)}
              />
            </fieldset>
            <AddressSearch
              kommunenummer={k}
              value={intake.place}
              onChange={(place) => set('place', place)}
              error={errors.address ?? errors.location ?? errors.lat}
            />
            <CategoryPicker
              categories={categories}
              chosen={category}
              onChoose={(c) => setIntake((old) => ({ ...old, categoryCode: c?.code ?? null, answers: {} }))}
              error={errors.categoryId ?? errors.category}
            />
            {category?.acute ? (
              <p className="notice" role="note">
                {onCallPhone
                  ? t('frontDesk.acuteNotice', { phone: onCallPhone })
                  : t('frontDesk.acuteNoticeNoPhone')}
              </p>
            ) : null}
            {category?.help ? <p className="field-hint">{category.help}</p> : null}
            {category ? (
              <QuestionFields
                questions={category.questions}
                answers={intake.answers}
                onChange={(a) => set('answers', a)}
                errors={errors}
              />
            ) : null}
            <DeskChoices.Description
              value={intake.description}
              onChange={(d) => set('description', d)}
              error={errors.description}
            />
            <DeskChoices.Notify
              intake={intake}
              onNotify={(n) => set('notify', n)}
              onLanguage={(l) => set('language', l)}
              error={errors['contact.notify'] ?? errors.contact}
            />
            <div className="form-actions">
              <Button
                type="submit"
                busy={saving}
                busyLabel={t('frontDesk.saving')}
                aria-keyshortcuts="Control+Enter"
              >
                {t('frontDesk.save')}
              </Button>
              <span className="muted">{t('frontDesk.saveHint')}</span>
            </div>
          </form>
          <div className="desk-side">
            <CallerHistory kommunenummer={k} phone={intake.phone} email={intake.email} />
            <NearbyReports
              kommunenummer={k}
              lat={intake.place.lat}
              lon={intake.place.lon}
              categoryId={category?.id ?? null}
            />
          </div>
        </div>
      )}
    </div>
  );
}
