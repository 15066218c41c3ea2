import { Outlet } from 'react-router';
import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The layout of the screens before a full session exists (login, TOTP enrolment): banner, language, main. */
export function PublicLayout() {
  const { t } = useI18n();
  return (
    <div className="app app-public">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="banner">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <LanguageSelect id="public-language" />
      </header>
      <main id="main" tabIndex={-1} className="narrow">
        <Outlet />
      </main>
      <footer className="footer">
        <p className="small muted">{t('app.footer')}</p>
      </footer>
    </div>
  );
}
