import type { ReactNode } from 'react';
import type { ScreenModule } from '../app/modules.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { hasRequestsAbility, useRequestsAbility, type RequestsAbility } from '../features/requests/abilities.ts';
import { AuthorizationQueuePage } from '../features/requests/AuthorizationQueuePage.tsx';
import { DraftPage } from '../features/requests/DraftPage.tsx';
import { NewRequestPage } from '../features/requests/NewRequestPage.tsx';
import { RequestDetailPage } from '../features/requests/RequestDetailPage.tsx';
import { RequestListPage } from '../features/requests/RequestListPage.tsx';

/** A screen that needs one of the requests module's node-wide abilities (the server still checks). */
function RequireRequests({ ability, children }: { ability: RequestsAbility; children: ReactNode }) {
  const { t } = useI18n();
  if (!useRequestsAbility(ability))
    return (
      <div className="page">
        <h1>{t('error.forbidden')}</h1>
      </div>
    );
  return <>{children}</>;
}

/**
 * Cooperation requests: the outbox and the inbox, the authorization queue, drafting from a case (wizard), and one
 * request's detail. The outbox is for those who follow outgoing requests; the inbox is the desk's.
 */
export const requestsScreens: ScreenModule = {
  id: 'requests',
  nav: [
    { to: '/requests/outgoing', label: 'nav.requests.outgoing', when: (s) => hasRequestsAbility(s, 'request.outgoing') },
    { to: '/requests/incoming', label: 'nav.requests.incoming', when: (s) => hasRequestsAbility(s, 'request.incoming') },
    { to: '/requests/authorize', label: 'nav.requests.authorize', when: (s) => hasRequestsAbility(s, 'request.review') },
  ],
  routes: [
    { path: 'requests/outgoing', element: <RequestListPage key="requesting" side="requesting" /> },
    {
      path: 'requests/incoming',
      element: (
        <RequireRequests ability="request.incoming">
          <RequestListPage key="requested" side="requested" />
        </RequireRequests>
      ),
    },
    {
      path: 'requests/authorize',
      element: (
        <RequireRequests ability="request.review">
          <AuthorizationQueuePage />
        </RequireRequests>
      ),
    },
    {
      path: 'cases/:id/requests/new',
      element: (
        <RequireRequests ability="request.create">
          <NewRequestPage />
        </RequireRequests>
      ),
    },
    { path: 'requests/:id', element: <RequestDetailPage /> },
    { path: 'requests/:id/draft', element: <DraftPage /> },
  ],
};
