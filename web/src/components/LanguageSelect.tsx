import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGUAGES, isLanguage } from '../i18n/languages.ts';

/** The language choice (each name in its own language); remembered on this device. */
export function LanguageSelect({ id = 'language-select' }: { id?: string }) {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('account.language')}</label>
      <select id={id} value={lang} onChange={(e) => isLanguage(e.target.value) && setLang(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
