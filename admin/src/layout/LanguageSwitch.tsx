import { LANGUAGES, useLanguage, useT } from '../i18n/index.ts';
import { useSession } from '../session/index.ts';

/**
 * Bokmål, Nynorsk, English as buttons, each named in its own language; the current one pressed.
 * The choice is kept on the account (or for the login to come), so it lasts past a reload.
 */
export function LanguageSwitch() {
  const t = useT();
  const { language } = useLanguage();
  const { chooseLanguage } = useSession();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('header.language')}</legend>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === language}
          onClick={() => chooseLanguage(code)}
        >
          {t(`language.${code}`)}
        </button>
      ))}
    </fieldset>
  );
}
