// A notice's title and text in each language, one fieldset per language: bokmål required, the
// others optional (the public pages fall back to bokmål). Used by the new-notice and update forms.
import { Field } from '../../components/index.ts';
import { LANGUAGES, type Language, useT } from '../../i18n/index.ts';
import { fieldId } from '../admin/shared/forms.ts';
import { TextArea } from '../admin/shared/inputs.tsx';

export type NoticeTexts = Record<Language, string>;

export function NoticeTextFields({
  form,
  titles,
  bodies,
  onTitles,
  onBodies,
}: {
  form: string;
  titles: NoticeTexts;
  bodies: NoticeTexts;
  onTitles: (next: NoticeTexts) => void;
  onBodies: (next: NoticeTexts) => void;
}) {
  const t = useT();
  return LANGUAGES.map((language) => (
    <fieldset key={language}>
      <legend>{t(`language.${language}`)}</legend>
      <Field
        id={fieldId(form, `title.${language}`)}
        label={t('notices.form.titleIn', { language: t(`language.${language}`) })}
        value={titles[language]}
        maxLength={200}
        required={language === 'nb'}
        onChange={(event) => onTitles({ ...titles, [language]: event.target.value })}
      />
      <TextArea
        id={fieldId(form, `body.${language}`)}
        label={t('notices.form.bodyIn', { language: t(`language.${language}`) })}
        value={bodies[language]}
        maxLength={4000}
        required={language === 'nb'}
        onChange={(event) => onBodies({ ...bodies, [language]: event.target.value })}
      />
    </fieldset>
  ));
}
