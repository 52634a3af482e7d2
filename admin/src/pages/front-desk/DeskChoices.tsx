// The front desk form's smaller parts: the error summary (server fields mapped to this form's
// inputs), how the caller reached us, the description, and how they want to hear back.
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { ErrorSummary, type SummaryItem } from '../../components/index.ts';
import { type Translator, useT } from '../../i18n/index.ts';
import { TextArea } from '../admin/shared/inputs.tsx';
import type { DeskCategory } from './front-desk-api.ts';
import { type Intake, notifyOf } from './intake.ts';

const FIELD_IDS: Record<string, string> = {
  channel: 'desk-channel-telefon',
  'contact.phone': 'desk-contact-phone',
  'contact.email': 'desk-contact-email',
  'contact.name': 'desk-contact-name',
  'contact.notify': 'desk-notify-email',
  contact: 'desk-notify-email',
  address: 'desk-address',
  location: 'desk-address',
  lat: 'desk-address',
  lon: 'desk-address',
  categoryId: 'desk-categoryId',
  category: 'desk-categoryId',
  description: 'desk-description',
  language: 'desk-language',
};

function idOf(field: string): string | undefined {
  if (field.startsWith('answers.')) return `desk-answers-${field.slice('answers.'.length)}`;
  return FIELD_IDS[field];
}

/** What is missing before the server can be asked (the category must be one of the list). */
export function deskSummary(t: Translator, intake: Intake, category: DeskCategory | null): ApiError | null {
  const details = [];
  if (!category)
    details.push({ field: 'categoryId', code: 'required', message: t('frontDesk.categoryRequired') });
  if (!intake.description.trim())
    details.push({ field: 'description', code: 'required', message: t('frontDesk.descriptionRequired') });
  return details.length ? new ApiError(400, 'validation_failed', t('errors.formTitle'), details) : null;
}

function Summary({ error }: { error: unknown }) {
  const t = useT();
  let items: SummaryItem[] = [];
  if (error instanceof ApiError && error.details.length > 0)
    items = error.details.map((d) => {
      const fieldId = idOf(d.field);
      return fieldId ? { message: d.message, fieldId } : { message: d.message };
    });
  else if (error) items = [{ message: errorText(error, t) }];
  return <ErrorSummary title={t('frontDesk.notSaved')} items={items} />;
}

function Channel({ value, onChange }: { value: Intake['channel']; onChange(next: Intake['channel']): void }) {
  const t = useT();
  return (
    <fieldset className="desk-inline">
      <legend>{t('frontDesk.channel')}</legend>
      {(['telefon', 'skranke'] as const).map((channel) => (
        <label key={channel} className="choice-option">
          <input
            type="radio"
            id={`desk-channel-${channel}`}
            name="desk-channel"
            value={channel}
            checked={value === channel}
            onChange={() => onChange(channel)}
          />{' '}
          {t(`frontDesk.channel.${channel}`)}
        </label>
      ))}
    </fieldset>
  );
}

function Description({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(next: string): void;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <TextArea
      id="desk-description"
      label={`${t('frontDesk.description')} (${t('admin.form.required')})`}
      hint={t('frontDesk.descriptionHint')}
      rows={4}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function Notify({
  intake,
  onNotify,
  onLanguage,
  error,
}: {
  intake: Intake;
  onNotify(next: Intake['notify']): void;
  onLanguage(next: Intake['language']): void;
  error?: string | undefined;
}) {
  const t = useT();
  const current = notifyOf(intake);
  return (
    <div className="desk-notify">
      <fieldset className="desk-inline" aria-describedby={error ? 'desk-notify-error' : undefined}>
        <legend>{t('frontDesk.notify')}</legend>
        {error ? (
          <p className="field-error" id="desk-notify-error">
            {error}
          </p>
        ) : null}
        {(['email', 'sms', 'none'] as const).map((channel) => (
          <label key={channel} className="choice-option">
            <input
              type="radio"
              id={`desk-notify-${channel}`}
              name="desk-notify"
              value={channel}
              checked={current === channel}
              onChange={() => onNotify(channel)}
            />{' '}
            {t(`frontDesk.notify.${channel}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="desk-language">{t('frontDesk.language')}</label>
        <select
          id="desk-language"
          value={intake.language}
          onChange={(e) => onLanguage(e.target.value as Intake['language'])}
        >
          {(['nb', 'nn', 'en'] as const).map((lang) => (
            <option key={lang} value={lang}>
              {t(`language.${lang}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export const DeskChoices = { Summary, Channel, Description, Notify };
