// Driftsmeldinger › Maler: the municipality's wording per notice type in each language, with the
// standard advice residents must get. Anyone may read them; only those who publish notices may
// change them (notice.publish), as the wording is what residents are told.
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, ErrorSummary, Field, Loading } from '../../components/index.ts';
import { LANGUAGES, type Language, useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership } from '../../session/index.ts';
import { fieldId, summaryItems } from '../admin/shared/forms.ts';
import { TextArea } from '../admin/shared/inputs.tsx';
import { noticeRights, typeName } from './notice-words.ts';
import { type NoticeTemplate, noticesApi } from './notices-api.ts';
import './notices.css';

type Texts = Record<Language, string>;

function texts(text: NoticeTemplate['title']): Texts {
  return { nb: text.nb, nn: text.nn ?? '', en: text.en ?? '' };
}

function TemplateForm({ template, canEdit }: { template: NoticeTemplate; canEdit: boolean }) {
  const t = useT();
  const { kommunenummer } = useMembership();
  const form = `notice-template-${template.type}`;
  const [title, setTitle] = useState(() => texts(template.title));
  const [body, setBody] = useState(() => texts(template.body));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      await noticesApi.saveTemplate(kommunenummer, template.type, { title, body });
      setSaved(true);
    } catch (problem) {
      setError(problem);
    } finally {
      setSaving(false);
    }
  }
  const headingId = `${form}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{typeName(t, template.type)}</h2>
      <form className="notice-form" onSubmit={(event) => void save(event)} noValidate>
        <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, form)} />
        {LANGUAGES.map((language) => (
          <fieldset key={language}>
            <legend>{t(`language.${language}`)}</legend>
            <Field
              id={fieldId(form, `title.${language}`)}
              label={t('notices.form.titleIn', { language: t(`language.${language}`) })}
              value={title[language]}
              maxLength={200}
              readOnly={!canEdit}
              onChange={(event) => setTitle({ ...title, [language]: event.target.value })}
            />
            <TextArea
              id={fieldId(form, `body.${language}`)}
              label={t('notices.form.bodyIn', { language: t(`language.${language}`) })}
              value={body[language]}
              maxLength={4000}
              readOnly={!canEdit}
              onChange={(event) => setBody({ ...body, [language]: event.target.value })}
            />
          </fieldset>
        ))}
        <div className="notice-actions">
          <Button type="submit" disabled={!canEdit} busy={saving} busyLabel={t('notices.form.saving')}>
            {t('notices.templates.save', { type: typeName(t, template.type) })}
          </Button>
        </div>
        <p className="saved-notice" role="status" aria-live="polite">
          {saved ? t('notices.templates.saved') : ''}
        </p>
      </form>
    </section>
  );
}

export default function NoticeTemplatesPage() {
  const t = useT();
  const membership = useMembership();
  const canEdit = noticeRights(membership).publish;
  const [templates, setTemplates] = useState<NoticeTemplate[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    noticesApi.templates(membership.kommunenummer, controller.signal).then(
      (answer) => setTemplates(answer.templates),
      (problem: unknown) => {
        if (!controller.signal.aborted) setError(problem);
      },
    );
    return () => controller.abort();
  }, [membership.kommunenummer]);
  return (
    <>
      <p>
        <Link to=".." relative="path">
          {t('notices.view.back')}
        </Link>
      </p>
      <PageHeading title={t('notices.templates.title')} />
      <p>{t('notices.templates.intro')}</p>
      {canEdit ? null : <p className="field-hint">{t('notices.view.noRight')}</p>}
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'notice-templates')} />
      {templates === null ? (
        error ? null : (
          <Loading />
        )
      ) : (
        templates.map((template) => (
          <TemplateForm key={template.type} template={template} canEdit={canEdit} />
        ))
      )}
    </>
  );
}
