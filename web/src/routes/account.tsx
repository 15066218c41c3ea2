import type { ScreenModule } from '../app/modules.ts';
import { AccountPage } from '../features/account/AccountPage.tsx';

export const accountScreens: ScreenModule = {
  id: 'account',
  nav: [{ to: '/account', label: 'nav.account' }],
  routes: [{ path: 'account', element: <AccountPage /> }],
};
