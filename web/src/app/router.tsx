import { createBrowserRouter, isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { EnrolTotpPage } from '../features/auth/EnrolTotpPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { Page } from '../components/Page.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { SCREEN_MODULES } from '../routes/index.ts';
import { PublicLayout } from './PublicLayout.tsx';
import { Shell } from './Shell.tsx';

function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('app.notFound.title')}>
      <p>{t('app.notFound.body')}</p>
      <p>
        <Link to="/">{t('app.backHome')}</Link>
      </p>
    </Page>
  );
}

function RouteError() {
  const { t } = useI18n();
  const e = useRouteError();
  return (
    <main id="main" className="narrow">
      <h1>{t('app.error.title')}</h1>
      <p lang="en" dir="ltr">
        {isRouteErrorResponse(e) ? `${e.status} ${e.statusText}` : e instanceof Error ? e.message : ''}
      </p>
      <p>
        <a href="/">{t('app.backHome')}</a>
      </p>
    </main>
  );
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: <PublicLayout />,
      errorElement: <RouteError />,
      children: [
        { path: 'login', element: <LoginPage /> },
        { path: 'enrol-totp', element: <EnrolTotpPage /> },
      ],
    },
    {
      path: '/',
      element: <Shell />,
      errorElement: <RouteError />,
      children: [...SCREEN_MODULES.flatMap((m) => m.routes), { path: '*', element: <NotFound /> }],
    },
  ]);
}
